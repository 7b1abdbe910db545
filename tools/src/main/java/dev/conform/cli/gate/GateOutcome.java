package dev.conform.cli.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The result of one gate check.
 *
 * @param suite the spec folder's name
 * @param variant the pairing's variant the check ran (null: the folder as a whole, e.g. a model check)
 * @param name what was checked
 * @param passed true when the check is ok, or failed exactly as the folder's expected.json says
 * @param verdict short verdict text (e.g. {@code OK}, {@code INVARIANT_VIOLATED (Safe)})
 * @param exitCode the conform exit code this outcome alone would give (0 when passed)
 * @param distinctStates distinct states, null when not applicable
 * @param depth search depth, null when not applicable
 * @param time wall-clock time
 * @param detail one line for failures (and for expected failures, what was expected; for
 *               coverage, what was reached)
 * @param runs simulated runs checked by the Java invariants (0 when not applicable)
 * @param traces traces validated by TLC (0 when not applicable)
 * @param events trace events validated by TLC (0 when not applicable)
 * @param replay commands that reproduce a failure (empty when passed)
 * @param reports HTML reports of failing runs (gate --report), in the order of {@code replay}
 * @param coverage what the chaos runs reached (the coverage check's), else null
 */
public record GateOutcome(String suite, String variant, String name, boolean passed, String verdict, int exitCode,
        Long distinctStates, Long depth, Duration time, String detail, long runs, long traces, long events,
        List<String> replay, List<Path> reports, CoverageSummary coverage) {

    public GateOutcome {
        replay = List.copyOf(replay);
        reports = List.copyOf(reports);
    }

    /** An outcome without reports or coverage. */
    public GateOutcome(String suite, String variant, String name, boolean passed, String verdict, int exitCode,
            Long distinctStates, Long depth, Duration time, String detail, long runs, long traces, long events,
            List<String> replay) {
        this(suite, variant, name, passed, verdict, exitCode, distinctStates, depth, time, detail, runs, traces,
                events, replay, List.of(), null);
    }

    /** An outcome of a model check (no variant, no runs, no traces). */
    public GateOutcome(String suite, String name, boolean passed, String verdict, int exitCode,
            Long distinctStates, Long depth, Duration time, String detail) {
        this(suite, null, name, passed, verdict, exitCode, distinctStates, depth, time, detail, 0, 0, 0, List.of());
    }
}
