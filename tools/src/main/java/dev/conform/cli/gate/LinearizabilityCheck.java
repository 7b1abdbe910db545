package dev.conform.cli.gate;

import dev.conform.cli.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The linearizability of the client histories of one variant's chaos runs (checked run by run as
 * they ran, {@link ChaosBatch#checkHistory}), as one gate check: a history no order explains fails
 * it (exit 1) with its witness and the commands that rerun the run and recheck its history; a
 * check that ran out of its budget (UNKNOWN) or could not read a history fails it too, as a tool
 * failure (exit 3): never a pass.
 */
final class LinearizabilityCheck implements GateCheck {
    /** Failing seeds listed with witness and replay commands; the rest are counted. */
    private static final int SHOWN_FAILURES = 3;

    private final ChaosBatch batch;
    private final GateSettings settings;

    LinearizabilityCheck(ChaosBatch batch, GateSettings settings) {
        this.batch = batch;
        this.settings = settings;
    }

    @Override
    public String suite() {
        return batch.pairing.folder().getFileName().toString();
    }

    @Override
    public String name() {
        return "linearizable " + batch.seeds + " histories" + batch.variant.suffix()
                + (settings.flaw() == null ? "" : " --flaw " + settings.flaw()) + settings.shard().suffix();
    }

    @Override
    public List<String> work() {
        return batch.work("history", batch.allSeeds());
    }

    @Override
    public boolean splitBySeed() {
        return true;
    }

    @Override
    public Stage stage() {
        return Stage.LINEARIZABILITY;
    }

    @Override
    public GateOutcome run() {
        long start = System.nanoTime();
        List<Long> failed = new ArrayList<>();
        boolean illegal = false;
        for (long seed : batch.allSeeds()) {
            HistoryCheck h = batch.history(seed);
            if (h == null || !h.passed()) {
                failed.add(seed);
                illegal |= h != null && h.kind() == HistoryCheck.Kind.ILLEGAL;
            }
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (failed.isEmpty()) {
            return new GateOutcome(suite(), batch.variant.name(), name(), true,
                    "OK (" + batch.seeds + "/" + batch.seeds + " linearizable)", 0, null, null, time, null, 0, 0, 0,
                    List.of());
        }
        List<String> replay = new ArrayList<>();
        for (long seed : failed.subList(0, Math.min(SHOWN_FAILURES, failed.size()))) {
            HistoryCheck h = batch.history(seed);
            Path trace = batch.trace(seed);
            replay.add("seed " + seed + ": " + describe(h));
            if (h != null) {
                h.witness().forEach(w -> replay.add("    " + w));
            }
            replay.add("  replay:   " + ReplayCommands.run(batch.scenario(seed), trace));
            replay.add("  check:    conform linearizable " + trace + " --model "
                    + batch.pairing.linearizability().model().cliName());
        }
        if (failed.size() > SHOWN_FAILURES) {
            replay.add("(" + (failed.size() - SHOWN_FAILURES) + " more failing seeds; traces in " + batch.dir() + ")");
        }
        HistoryCheck first = batch.history(failed.get(0));
        String verdict = (illegal ? "ILLEGAL" : first == null ? "ERROR" : first.kind().name()) + " (" + failed.size()
                + "/" + batch.seeds + " runs)";
        return new GateOutcome(suite(), batch.variant.name(), name(), false, verdict,
                illegal ? ExitCodes.VIOLATION : ExitCodes.TOOL_FAILURE, null, null, time,
                "seed " + failed.get(0) + ": " + describe(first), 0, 0, 0, replay);
    }

    private static String describe(HistoryCheck h) {
        return h == null ? "ERROR: the run left no trace to read its client history from"
                : h.kind() + ": " + h.message();
    }
}
