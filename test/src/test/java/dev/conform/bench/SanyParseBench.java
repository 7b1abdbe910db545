package dev.conform.bench;

import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TraceSpecSource;
import dev.conform.checker.validate.TraceValidationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What reading a trace spec with SANY costs the validator. The validator parses the trace spec
 * once per validation (variables, IsX actions and their conjuncts; see {@link TraceSpecSource})
 * before its first TLC segment. This prints, for specs/raft/TraceRaft.tla, the first parse in
 * this JVM (SANY's classes loading) and the median of the following ones, against the baseline
 * measured in the same run: one TLC validation of the smallest Raft trace of specs/raft/traces,
 * the least work a validation does after the parse. The parse is a fraction of that baseline,
 * and a validation of a real trace runs TLC once per 30,000 events on top.
 *
 * <p>The regular-expression reader SANY replaced took about 3 ms warm and 60-120 ms cold for
 * TraceRaft.tla on the same machine (SANY: about 60-130 ms warm, 1.0-1.15 s cold), measured when
 * it was replaced; it is gone, so it is not measured here.
 *
 * <p>Run: {@code mvn -B -pl test -am test-compile exec:java -Dconform.bench=SanyParseBench}
 * (add {@code -Dconform.bench.rounds=N}, default 20 parses and 3 validations).
 */
public final class SanyParseBench {
    private SanyParseBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("conform.bench.rounds", 20);
        Path specs = specs();
        Path spec = specs.resolve("raft/TraceRaft.tla");
        List<Path> folders = List.of(specs.resolve("lib"), specs.resolve("raft"));
        long t0 = System.nanoTime();
        TraceSpecSource first = TraceSpecSource.read(spec, folders);
        double cold = ms(t0);
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            TraceSpecSource.read(spec, folders);
            warm.add(ms(t));
        }
        Path trace = specs.resolve("raft/traces/good-elect-replicate-commit.ndjson");
        List<Double> tlc = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            TlcValidation v = new TlcTraceValidator().validate(TraceValidationRequest.of(spec, trace));
            tlc.add(ms(t));
            if (!v.conforms()) {
                throw new IllegalStateException("the baseline trace does not conform: " + v.message());
            }
        }
        double parse = median(warm);
        double validation = median(tlc);
        System.out.printf(Locale.ROOT, "SANY read of %s (%d actions, %d variables): first %.0f ms, then median %.1f ms"
                + " over %d%n", spec.getFileName(), first.actions().size(), first.variables().size(), cold, parse, rounds);
        System.out.printf(Locale.ROOT, "baseline: validation of %s (%d lines) median %.0f ms over 3%n",
                trace.getFileName(), Files.readAllLines(trace).size(), validation);
        System.out.printf(Locale.ROOT, "parse / validation: warm %.3f, first %.3f%n", parse / validation,
                cold / validation);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static Path specs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("specs/raft"))) {
                return p.resolve("specs");
            }
        }
        throw new IllegalStateException("no specs/ folder above " + Path.of("").toAbsolutePath());
    }
}
