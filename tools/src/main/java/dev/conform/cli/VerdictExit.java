package dev.conform.cli;

import dev.conform.checker.tlc.Verdict;

/** The exit code each verdict maps to (see {@link ExitCodes}). */
public final class VerdictExit {
    private VerdictExit() {
    }

    public static int of(Verdict v) {
        return switch (v) {
            case OK -> ExitCodes.OK;
            case INVARIANT_VIOLATED, PROPERTY_VIOLATED, DEADLOCK, ASSUMPTION_FAILED -> ExitCodes.VIOLATION;
            // The spec itself is wrong: it does not parse, its config does not fit, or an expression
            // cannot be evaluated.
            case PARSE_ERROR, SEMANTIC_ERROR, EVALUATION_ERROR -> ExitCodes.BAD_INPUT;
            case TLC_CRASH, TIMEOUT, OUT_OF_MEMORY -> ExitCodes.TOOL_FAILURE;
        };
    }
}
