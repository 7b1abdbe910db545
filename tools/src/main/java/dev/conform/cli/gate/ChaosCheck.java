package dev.conform.cli.gate;

import dev.conform.cli.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the chaos seeds of one variant of a pairing on a small thread pool; every trace is checked
 * by the Java invariants (and its client history, when the pairing declares linearizability, by
 * {@link HistoryCheck}, reported by {@link LinearizabilityCheck}). A node whose handler threw is an implementation failure (exit 1, with
 * the replay command), like a broken invariant; only a failure of conform itself is exit 3.
 */
final class ChaosCheck implements GateCheck {
    /** Failing seeds listed with replay commands; the rest are counted. */
    private static final int SHOWN_FAILURES = 3;

    private final ChaosBatch batch;
    private final GateSettings settings;
    private final GateProgress progress;

    ChaosCheck(ChaosBatch batch, GateSettings settings, GateProgress progress) {
        this.batch = batch;
        this.settings = settings;
        this.progress = progress;
    }

    @Override
    public String suite() {
        return batch.pairing.folder().getFileName().toString();
    }

    @Override
    public String name() {
        return "chaos " + batch.seeds + " seeds" + batch.variant.suffix()
                + (settings.flaw() == null ? "" : " --flaw " + settings.flaw()) + settings.shard().suffix();
    }

    @Override
    public List<String> work() {
        return batch.work("chaos", batch.allSeeds());
    }

    @Override
    public boolean splitBySeed() {
        return true;
    }

    @Override
    public Stage stage() {
        return Stage.CHAOS;
    }

    @Override
    public GateOutcome run() {
        long start = System.nanoTime();
        if (batch.invariants == null) {
            return new GateOutcome(suite(), batch.variant.name(), name(), false, "NO INVARIANTS",
                    ExitCodes.TOOL_FAILURE, null, null, elapsed(start), "no Java invariants are registered for algorithm '"
                            + batch.algorithm.name() + "', so its chaos runs cannot be checked", 0, 0, 0, List.of());
        }
        List<RunCheck> results = runAll();
        List<RunCheck> failed = new ArrayList<>();
        boolean toolFailure = false;
        for (RunCheck r : results) {
            if (!r.passed()) {
                failed.add(r);
                toolFailure |= !r.violation();
            }
        }
        if (failed.isEmpty()) {
            return new GateOutcome(suite(), batch.variant.name(), name(), true, "OK", 0, null, null, elapsed(start),
                    null, results.size(), 0, 0, List.of());
        }
        List<String> replay = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        for (RunCheck r : failed.subList(0, Math.min(SHOWN_FAILURES, failed.size()))) {
            long seed = r.scenario().config().seed();
            Path trace = batch.trace(seed);
            replay.add("seed " + seed + ": " + r.message());
            replay.add("  replay:   " + ReplayCommands.run(r.scenario(), trace));
            replay.add("  validate: " + ReplayCommands.validate(settings.validation(batch.traceSpec(), trace)));
            ReplayCommands.report(batch.report(seed, "", null), replay, reports);
        }
        if (failed.size() > SHOWN_FAILURES) {
            replay.add("(" + (failed.size() - SHOWN_FAILURES) + " more failing seeds; traces in "
                    + batch.dir() + ")");
        }
        boolean allCrashed = failed.stream().allMatch(r -> r.kind() == RunCheck.Kind.CRASHED);
        String verdict = (toolFailure ? "ERROR" : allCrashed ? "CRASHED" : "VIOLATED") + " (" + failed.size() + "/"
                + results.size() + " runs)";
        return new GateOutcome(suite(), batch.variant.name(), name(), false, verdict,
                toolFailure ? ExitCodes.TOOL_FAILURE : ExitCodes.VIOLATION, null, null, elapsed(start),
                failed.get(0).message(), results.size(), 0, 0, replay, reports, null);
    }

    private List<RunCheck> runAll() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.workers()));
        AtomicInteger done = new AtomicInteger();
        AtomicInteger bad = new AtomicInteger();
        try {
            List<Future<RunCheck>> futures = new ArrayList<>();
            for (long seed : batch.allSeeds()) {
                futures.add(pool.submit(() -> {
                    Path trace = batch.trace(seed);
                    RunCheck r = batch.runner.runToFile(batch.scenario(seed), trace);
                    batch.record(seed, r);
                    boolean historyFailed = batch.checkHistory(seed);
                    if (r.passed() && !historyFailed && !batch.tlcSeeds.contains(seed)) {
                        ChaosBatch.deleteQuietly(trace);
                    }
                    if (!r.passed()) {
                        bad.incrementAndGet();
                    }
                    progress.show(String.format("  %s%s: chaos run %d/%d, %d failed", suite(), batch.variant.suffix(),
                            done.incrementAndGet(),
                            batch.seeds, bad.get()));
                    return r;
                }));
            }
            List<RunCheck> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                long seed = batch.firstSeed + i;
                RunCheck r;
                try {
                    r = futures.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    r = new RunCheck(batch.scenario(seed), RunCheck.Kind.ERROR, "seed " + seed + ": " + e.getCause(), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    r = new RunCheck(batch.scenario(seed), RunCheck.Kind.ERROR, "interrupted", 0);
                }
                batch.record(seed, r);
                out.add(r);
            }
            return out;
        } finally {
            pool.shutdownNow();
            progress.clear();
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
