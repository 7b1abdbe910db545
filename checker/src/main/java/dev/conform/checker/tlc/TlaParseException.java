package dev.conform.checker.tlc;

/**
 * A TLA+ module that SANY rejected: a syntax or lexical error, a module it could not find, or a
 * semantic or level error. Bad input, never a tool failure: the message reads
 * {@code file:line:column: what SANY said} when SANY gave a position.
 */
public final class TlaParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Verdict kind;
    private final transient SourceLocation location;
    private final String missingModule;
    private final String detail;

    TlaParseException(Verdict kind, SourceLocation location, String detail, String missingModule) {
        super((location == null ? "" : location + ": ") + detail);
        this.kind = kind;
        this.location = location;
        this.missingModule = missingModule;
        this.detail = detail;
    }

    /** {@link Verdict#PARSE_ERROR} or {@link Verdict#SEMANTIC_ERROR}, as TLC would classify it. */
    public Verdict kind() {
        return kind;
    }

    /** Where the error is, with the module's file when known, or null. */
    public SourceLocation location() {
        return location;
    }

    /** The module SANY could not find, or null. */
    public String missingModule() {
        return missingModule;
    }

    /** SANY's message without the position. */
    public String detail() {
        return detail;
    }
}
