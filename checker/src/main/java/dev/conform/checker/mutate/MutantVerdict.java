package dev.conform.checker.mutate;

import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.ValidationReport;
import java.nio.file.Path;

/**
 * What validation said about one mutant: the same report {@code conform validate} would print.
 *
 * @param mutant the mutant
 * @param file   where it was written
 * @param report its validation
 */
public record MutantVerdict(Mutant mutant, Path file, ValidationReport report) {
    /** {@code validate} would exit 0: the lie was accepted. */
    public boolean accepted() {
        return report.status() == ValidationReport.Status.CONFORMS;
    }

    /** The trace reader or the schema rejected it (exit 2) before TLC and Java ran. */
    public boolean badInput() {
        return report.status() == ValidationReport.Status.BAD_INPUT;
    }

    public boolean tlcRejected() {
        TlcValidation v = report.tlc();
        return v != null && (v.outcome() == TlcValidation.Outcome.DIVERGES
                || v.outcome() == TlcValidation.Outcome.INVARIANT_VIOLATED);
    }

    public boolean tlcAccepted() {
        return report.tlc() != null && report.tlc().conforms();
    }

    /** TLC ran but neither rejected nor accepted (its own failure, a timeout, or a spec it could not evaluate). */
    public boolean tlcUndecided() {
        return report.tlc() != null && !tlcRejected() && !tlcAccepted();
    }

    public boolean javaRejected() {
        return report.java() != null && !report.java().conforms();
    }

    public boolean javaAccepted() {
        return report.java() != null && report.java().conforms();
    }

    /** Neither rejected nor accepted: a tool failure or nothing checked (never counted as rejected). */
    public boolean failed() {
        return report.status() == ValidationReport.Status.TOOL_FAILURE;
    }

    /** Why it was rejected, or what was said, one line. */
    public String reason() {
        if (report.badInput() != null) {
            return report.badInput();
        }
        StringBuilder sb = new StringBuilder();
        if (report.tlc() != null) {
            sb.append("TLC: ").append(report.tlc().outcome()).append(' ').append(report.tlc().message());
        }
        if (report.java() != null) {
            sb.append(sb.isEmpty() ? "" : "; ").append("Java: ")
                    .append(report.java().conforms() ? "conforms" : report.java().failure().message());
        } else if (report.javaNote() != null) {
            sb.append(sb.isEmpty() ? "" : "; ").append("Java: ").append(report.javaNote());
        }
        return sb.toString();
    }
}
