package dev.conform.checker.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conform.checker.tlc.ParsedSpec;
import dev.conform.checker.tlc.SanyParser;
import dev.conform.checker.tlc.TlaParseException;
import dev.conform.checker.tlc.TlcRequest;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.checker.tlc.Verdict;
import dev.conform.checker.validate.TlcValidation.Outcome;
import dev.conform.checker.value.TlaValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Validates many traces of one trace spec with few TLC runs: traces whose headers agree but for
 * seed and plan are packed, in order, into batches of at most one segment of events
 * ({@link BatchFile}), and each batch is one TLC run in which a begin event resets every variable
 * to its initial value ({@link InitAssignments}, {@link GeneratedModules#batchModule}). TLC's
 * start-up and the spec's parsing and constant indexes are paid once per batch instead of once per
 * trace.
 *
 * <p>Per-trace verdicts fail closed. A trace conforms only when TLC finished the batch without
 * error and printed the batch end marker of that trace (a state that matched its last event and
 * satisfies the spec's end condition), and the search went past it. A divergence at event d of
 * the batch stops the search: the traces before d's trace are judged by their markers, d's trace
 * fails, and the traces after it go into the next batch. Every trace that did not conform in its
 * batch, and every trace of a batch whose TLC answer is not a finished search, is then validated
 * on its own with {@link TlcTraceValidator}, which gives its diagnostics; if that run says it
 * conforms after all, the two disagree and the verdict is a tool failure, never a pass. Traces
 * that cannot share a batch (a header of their own, more events than a segment, none at all, or a
 * spec whose initial predicate is not a conjunction of constant assignments) are validated one by
 * one.
 */
public final class BatchValidator {
    private static final Pattern END_START = Pattern.compile("<<\\s*\"" + GeneratedModules.BATCH_END_TAG + "\"");
    private static final Pattern VIOLATION_START = Pattern.compile("<<\\s*\"" + GeneratedModules.VIOLATION_TAG + "\"");

    private final TlcRunner runner;
    private final TlcTraceValidator single;

    public BatchValidator(TlcRunner runner) {
        this.runner = runner;
        this.single = new TlcTraceValidator(runner);
    }

    public BatchValidator() {
        this(new TlcRunner());
    }

    /** What one batch run decided for the traces it contains. */
    private record BatchOutcome(List<TlcValidation> decided, int consumed) {
    }

    /**
     * Validates every request's trace; the requests must share the spec, config, libraries, TLC
     * jar, timeout (per TLC run) and segment size (the largest batch). Returns one verdict per
     * request, in order. Never throws for bad input or a failing TLC.
     */
    public List<TlcValidation> validateAll(List<TraceValidationRequest> reqs) {
        return validateAll(reqs, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #validateAll(List)}, but once {@code maxFailures} traces did not conform, the
     * traces not decided yet are left unvalidated: their entries are null. Every trace that failed
     * in a batch costs a TLC run of its own (with diagnostics), so a caller that has seen enough
     * failures to fail can stop paying for more.
     */
    public List<TlcValidation> validateAll(List<TraceValidationRequest> reqs, int maxFailures) {
        if (reqs.isEmpty()) {
            return List.of();
        }
        TraceValidationRequest first = reqs.get(0);
        for (TraceValidationRequest r : reqs) {
            if (r.spec() == null || !r.spec().equals(first.spec()) || !r.config().equals(first.config())
                    || !r.libraries().equals(first.libraries())) {
                throw new IllegalArgumentException("a batch validation needs one trace spec, config and library path");
            }
        }
        TlcValidation[] out = new TlcValidation[reqs.size()];
        List<Integer> batchable = new ArrayList<>();
        List<BatchFile.Member> members = new ArrayList<>();
        Prepared prepared = prepare(first);
        for (int i = 0; i < reqs.size(); i++) {
            BatchFile.Member m = prepared == null ? null : member(reqs.get(i), first.segmentSize());
            if (m == null) {
                out[i] = single.validate(reqs.get(i));
            } else {
                batchable.add(i);
                members.add(m);
            }
        }
        int failures = (int) Arrays.stream(out).filter(v -> v != null && !v.conforms()).count();
        int at = 0;
        while (at < members.size() && failures < maxFailures) {
            List<BatchFile.Member> batch = new ArrayList<>();
            long events = 0;
            for (int j = at; j < members.size(); j++) {
                BatchFile.Member m = members.get(j);
                if (!batch.isEmpty() && (!BatchFile.compatible(batch.get(0).header(), m.header())
                        || events + 1 + m.events() > first.segmentSize())) {
                    break;
                }
                events += (batch.isEmpty() ? 0 : 1) + m.events();
                batch.add(m);
            }
            BatchOutcome o = runBatch(prepared, first, batch);
            for (int k = 0; k < o.consumed(); k++) {
                int i = batchable.get(at + k);
                TlcValidation v = o.decided().get(k);
                if (v == null && failures >= maxFailures) {
                    continue; // undecided, and enough failures seen: left unvalidated (null)
                }
                out[i] = v != null ? v : confirmFailure(reqs.get(i));
                failures += out[i].conforms() ? 0 : 1;
            }
            at += o.consumed();
        }
        return Arrays.asList(out);
    }

    /** A trace that failed in its batch, validated alone: its own verdict, with diagnostics. */
    private TlcValidation confirmFailure(TraceValidationRequest req) {
        TlcValidation alone = single.validate(req);
        if (alone.conforms()) {
            return new TlcValidation(Outcome.TOOL_FAILURE, alone.events(), alone.segments(),
                    "TLC rejected the trace in a batch but accepted it alone; the two runs disagree",
                    null, null, 0, alone.commandLines(), alone.duration());
        }
        return alone;
    }

    /** The parsed spec and its reset, or null when its traces cannot be batched. */
    private record Prepared(TraceSpecSource source, TraceConfig config, InitAssignments init) {
    }

    private Prepared prepare(TraceValidationRequest req) {
        Path work = null;
        try {
            TraceConfig config = TraceConfig.read(req.config());
            work = Files.createTempDirectory("conform-batch-parse");
            TraceLibrary.writeTo(work);
            List<Path> folders = new ArrayList<>();
            folders.add(work);
            folders.add(req.spec().toAbsolutePath().getParent());
            folders.addAll(req.libraries());
            ParsedSpec parsed = SanyParser.parse(req.spec().toAbsolutePath(), folders);
            TraceSpecSource source = TraceSpecSource.of(parsed);
            Optional<InitAssignments> init = InitAssignments.of(parsed, config.init(), source.variables(),
                    new StringBuilder());
            return init.map(a -> new Prepared(source, config, a)).orElse(null);
        } catch (IOException | TlaParseException | RuntimeException e) {
            return null; // validated one by one, which reports the problem per trace
        } finally {
            deleteTree(work);
        }
    }

    private static BatchFile.Member member(TraceValidationRequest req, int segment) {
        try {
            long events = TlcTraceValidator.countEvents(req.trace());
            if (events < 1 || events > segment) {
                return null;
            }
            return new BatchFile.Member(req.trace().toAbsolutePath().normalize(), BatchFile.header(req.trace()), events);
        } catch (IOException | RuntimeException e) {
            return null; // validated alone, which reports a malformed trace as such
        }
    }

    private BatchOutcome runBatch(Prepared p, TraceValidationRequest req, List<BatchFile.Member> batch) {
        int n = batch.size();
        List<TlcValidation> undecided = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            undecided.add(null);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("conform-batch");
            TraceLibrary.writeTo(work);
            Path file = work.resolve("batch.ndjson");
            long[] starts = BatchFile.write(batch, file);
            long total = starts[n - 1] + batch.get(n - 1).events() - 1;
            List<String> constraints = new ArrayList<>();
            for (int i = 0; i < p.config().invariants().size(); i++) {
                constraints.add(GeneratedModules.invariantCheck(i));
            }
            constraints.add(GeneratedModules.END);
            Files.writeString(work.resolve(GeneratedModules.BATCH + ".tla"), GeneratedModules.batchModule(
                    p.source().moduleName(), p.config().init(), p.config().next(), p.init(), p.source().variables(),
                    p.config().invariants()));
            Files.writeString(work.resolve(GeneratedModules.BATCH + ".cfg"),
                    p.config().render("ConformInit", GeneratedModules.NEXT, List.of(), constraints));
            TlcRequest.Builder b = TlcTraceValidator.request(work, GeneratedModules.BATCH,
                    req.spec().toAbsolutePath().normalize(), req, file, 1, total);
            if (req.timeout() != null) {
                b.timeout(req.timeout());
            }
            TlcResult r = runner.run(b.build());
            return judge(r, batch, starts, total, undecided);
        } catch (IOException | RuntimeException e) {
            return new BatchOutcome(undecided, n); // each is validated alone
        } finally {
            deleteTree(work);
        }
    }

    /** Reads the batch run's answer; see the class comment. A null verdict means "validate alone". */
    private static BatchOutcome judge(TlcResult r, List<BatchFile.Member> batch, long[] starts, long total,
                                      List<TlcValidation> verdicts) {
        int n = batch.size();
        Long depth = r.statistics() == null ? null : r.statistics().depth();
        if (r.verdict() != Verdict.OK || depth == null || depth < 1 || depth > total + 1) {
            return new BatchOutcome(verdicts, n);
        }
        Set<Integer> ended = new HashSet<>();
        try {
            for (TlaValue m : SegmentAnswer.tagged(r.rawOutput(), END_START)) {
                if (!(m instanceof TlaValue.Tuple t) || t.elements().size() != 2
                        || !(t.elements().get(1) instanceof TlaValue.Int j)) {
                    return new BatchOutcome(verdicts, n);
                }
                ended.add(j.value().intValueExact());
            }
            for (TlaValue m : SegmentAnswer.tagged(r.rawOutput(), VIOLATION_START)) {
                if (!(m instanceof TlaValue.Tuple t) || t.elements().size() != 4
                        || !(t.elements().get(2) instanceof TlaValue.Int l)) {
                    return new BatchOutcome(verdicts, n);
                }
                ended.remove(traceOf(starts, l.value().longValueExact() - 1)); // its verdict comes from a run alone
            }
        } catch (RuntimeException e) {
            return new BatchOutcome(verdicts, n);
        }
        // The trace whose event the search could not match (none when it reached the end).
        int failed = depth == total + 1 ? n + 1 : traceOf(starts, depth);
        for (int j = failed + 1; j <= n; j++) {
            if (ended.contains(j)) {
                return new BatchOutcome(verdicts, n); // a marker past a divergence: not trustworthy
            }
        }
        int consumed = Math.min(failed, n);
        Duration share = r.duration() == null ? Duration.ZERO : r.duration().dividedBy(n);
        for (int j = 1; j < failed && j <= n; j++) {
            if (ended.contains(j)) {
                long events = batch.get(j - 1).events();
                verdicts.set(j - 1, new TlcValidation(Outcome.CONFORMS, events, 1,
                        "all " + events + " events matched the spec (trace " + j + " of a batch of " + n + ")",
                        null, null, 0, List.of(r.commandLineString()), share));
            }
        }
        return new BatchOutcome(verdicts.subList(0, consumed), consumed);
    }

    /** The trace (1-based) that batch event {@code k} belongs to; a begin event counts as its trace's. */
    private static int traceOf(long[] starts, long k) {
        int j = 1;
        while (j < starts.length && k >= starts[j] - 1) {
            j++;
        }
        return j;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
