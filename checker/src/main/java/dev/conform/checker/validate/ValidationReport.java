package dev.conform.checker.validate;

import dev.conform.checker.invariants.ReplayResult;
import java.nio.file.Path;

/**
 * Everything {@code conform validate} decided about one trace.
 *
 * @param trace      the trace file
 * @param spec       the trace spec (null when TLC was not asked)
 * @param algorithm  the trace header's algorithm
 * @param tlc        the TLC verdict, null when TLC was not run
 * @param java       the Java replay, null when it was not run
 * @param javaNote   why the Java replay was not run (null when it ran or was not asked)
 * @param badInput   a malformed trace found before validation ({@code file:line:col: reason}), else null
 */
public record ValidationReport(Path trace, Path spec, String algorithm, TlcValidation tlc, ReplayResult java,
                               String javaNote, String badInput) {
    /** The overall answer, in the order: bad input, a definite non-conformance, a tool failure, conforms. */
    public enum Status {
        CONFORMS(0), DOES_NOT_CONFORM(1), BAD_INPUT(2), TOOL_FAILURE(3);

        public final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    public static ValidationReport badInput(Path trace, String message) {
        return new ValidationReport(trace, null, null, null, null, null, message);
    }

    public Status status() {
        if (badInput != null || (tlc != null && tlc.outcome() == TlcValidation.Outcome.BAD_INPUT)) {
            return Status.BAD_INPUT;
        }
        boolean tlcNo = tlc != null && (tlc.outcome() == TlcValidation.Outcome.DIVERGES
                || tlc.outcome() == TlcValidation.Outcome.INVARIANT_VIOLATED);
        if (tlcNo || (java != null && !java.conforms())) {
            return Status.DOES_NOT_CONFORM;
        }
        if (tlc != null && tlc.outcome() != TlcValidation.Outcome.CONFORMS) {
            return Status.TOOL_FAILURE;
        }
        if (tlc == null && java == null) {
            return Status.TOOL_FAILURE; // nothing was checked: never a pass
        }
        return Status.CONFORMS;
    }

    /** True for {@code validate --format-only}: the replay judged the format rules alone. */
    public boolean formatOnly() {
        return java != null && FormatRules.NOTE.equals(javaNote);
    }

    public long events() {
        return tlc != null ? tlc.events() : java != null ? java.events() : 0;
    }
}
