package dev.conform.cli.gate;

import dev.conform.checker.validate.BatchValidator;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.ValidationReport;
import dev.conform.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates chaos traces of one variant with TLC through its trace spec, many traces per TLC run
 * ({@link BatchValidator}), with a verdict per trace. A trace that conforms is deleted; every other
 * one is kept and listed with its reason and the commands that rerun and revalidate it. Once
 * {@value #SHOWN_FAILURES} traces failed, the check has failed and the traces not yet validated
 * are left alone (a failing trace costs a TLC run of its own with diagnostics; a broken variant
 * would otherwise pay that for every trace).
 */
final class TraceValidationCheck implements GateCheck {
    /** Failing traces listed with replay commands; the rest are counted. */
    private static final int SHOWN_FAILURES = 3;

    private final ChaosBatch batch;
    private final List<Long> seeds;
    private final boolean wholeBatch;
    private final GateSettings settings;

    /** @param seeds the seeds of {@code batch} whose traces this check validates */
    TraceValidationCheck(ChaosBatch batch, List<Long> seeds, GateSettings settings) {
        this.batch = batch;
        this.seeds = List.copyOf(seeds);
        this.wholeBatch = seeds.size() == batch.tlcSeeds.size();
        this.settings = settings;
    }

    @Override
    public String suite() {
        return batch.pairing.folder().getFileName().toString();
    }

    @Override
    public String name() {
        String range = wholeBatch ? "" : " (seeds " + seeds.get(0) + "-" + seeds.get(seeds.size() - 1) + ")";
        return batch.traceSpec().getFileName() + " " + seeds.size() + (seeds.size() == 1 ? " trace" : " traces") + range
                + batch.variant.suffix()
                + (settings.flaw() == null ? "" : " --flaw " + settings.flaw()) + settings.shard().suffix();
    }

    @Override
    public List<String> work() {
        return batch.work("tlc", seeds);
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public boolean splitBySeed() {
        return true;
    }

    @Override
    public Stage stage() {
        return Stage.TRACE_VALIDATION;
    }

    /** One trace's verdict: its exit code (0 conforms), a short verdict, a reason and its events. */
    private record Judged(long seed, int exit, String verdict, String detail, long events, TlcValidation tlc) {
    }

    @Override
    public GateOutcome run() {
        long start = System.nanoTime();
        List<Judged> judged = new ArrayList<>();
        List<Long> present = new ArrayList<>();
        List<TraceValidationRequest> reqs = new ArrayList<>();
        for (long seed : seeds) {
            Path trace = batch.trace(seed);
            if (Files.isRegularFile(trace)) {
                present.add(seed);
                reqs.add(settings.validation(batch.traceSpec(), trace));
            } else {
                RunCheck ran = batch.result(seed);
                judged.add(new Judged(seed, ExitCodes.TOOL_FAILURE, "NO TRACE", "the run left no trace to validate"
                        + (ran == null || ran.message() == null ? "" : ": " + ran.message()), 0, null));
            }
        }
        // Once a few traces failed the check has failed: the rest are not each rerun alone.
        List<TlcValidation> verdicts = new BatchValidator().validateAll(reqs,
                Math.max(1, SHOWN_FAILURES - judged.size()));
        int skipped = 0;
        for (int i = 0; i < present.size(); i++) {
            if (verdicts.get(i) == null) {
                skipped++;
            } else {
                judged.add(judge(present.get(i), verdicts.get(i)));
            }
        }
        judged.sort(java.util.Comparator.comparingLong(Judged::seed));
        return outcome(judged, skipped, start);
    }

    private Judged judge(long seed, TlcValidation v) {
        if (v.conforms()) {
            ChaosBatch.deleteQuietly(batch.trace(seed));
            return new Judged(seed, 0, "CONFORMS", null, v.events(), v);
        }
        int exit = switch (v.outcome()) {
            case DIVERGES, INVARIANT_VIOLATED -> ExitCodes.VIOLATION;
            case BAD_INPUT -> ExitCodes.BAD_INPUT;
            default -> ExitCodes.TOOL_FAILURE;
        };
        String detail = v.message();
        if (v.divergence() != null && (detail == null || !detail.contains("event " + v.divergence().event()))) {
            detail += " (event " + v.divergence().event() + ", line " + v.divergence().line() + ")";
        }
        return new Judged(seed, exit, v.outcome().name(), detail, v.events(), v);
    }

    private GateOutcome outcome(List<Judged> judged, int skipped, long start) {
        List<Judged> failed = judged.stream().filter(j -> j.exit() != 0).toList();
        long events = judged.stream().mapToLong(Judged::events).sum();
        long validated = judged.stream().filter(j -> !j.verdict().equals("NO TRACE")).count();
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (failed.isEmpty()) {
            return new GateOutcome(suite(), batch.variant.name(), name(), true,
                    "CONFORMS (" + judged.size() + "/" + judged.size() + " traces)", 0, null, null, time, null, 0,
                    validated, events, List.of());
        }
        int exit = failed.stream().mapToInt(Judged::exit).max().orElseThrow();
        Judged first = failed.get(0);
        List<String> replay = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (Judged j : failed.subList(0, Math.min(SHOWN_FAILURES, failed.size()))) {
            Path trace = batch.trace(j.seed());
            replay.add("seed " + j.seed() + ": " + j.verdict() + (j.detail() == null ? "" : ": " + j.detail()));
            replay.add("  replay:   " + ReplayCommands.run(batch.scenario(j.seed()), trace));
            replay.add("  validate: " + ReplayCommands.validate(settings.validation(batch.traceSpec(), trace)));
            if (j.tlc() != null) {
                ReplayCommands.report(batch.report(j.seed(), ".tlc", new ValidationReport(trace, batch.traceSpec(),
                        batch.algorithm.name(), j.tlc(), null, null, null)), replay, reports);
            }
        }
        if (failed.size() > SHOWN_FAILURES) {
            replay.add("(" + (failed.size() - SHOWN_FAILURES) + " more failing traces in " + batch.dir() + ")");
        }
        String verdict = first.verdict() + " (" + failed.size() + "/" + judged.size() + " traces"
                + (skipped == 0 ? "" : "; " + skipped + " more not validated after " + failed.size() + " failures") + ")";
        return new GateOutcome(suite(), batch.variant.name(), name(), false, verdict, exit, null, null, time,
                "seed " + first.seed() + ": " + first.detail(), 0, validated, events, replay, reports, null);
    }
}
