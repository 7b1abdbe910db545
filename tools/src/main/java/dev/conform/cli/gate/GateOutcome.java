package dev.conform.cli.gate;

import java.time.Duration;

/**
 * The result of one gate check.
 *
 * @param suite the spec folder's name
 * @param name what was checked
 * @param passed true when the check is ok, or failed exactly as the folder's expected.json says
 * @param verdict short verdict text (e.g. {@code OK}, {@code INVARIANT_VIOLATED (Safe)})
 * @param exitCode the conform exit code this outcome alone would give (0 when passed)
 * @param distinctStates distinct states, null when not applicable
 * @param depth search depth, null when not applicable
 * @param time wall-clock time
 * @param detail one line for failures (and for expected failures, what was expected)
 */
public record GateOutcome(String suite, String name, boolean passed, String verdict, int exitCode,
        Long distinctStates, Long depth, Duration time, String detail) {
}
