package dev.conform.checker.tlc;

/**
 * A position in a TLA+ module as TLC reports it. {@code file} is the module's file when known,
 * else the module name; end fields are 0 when TLC gave only a start.
 */
public record SourceLocation(String module, String file, int line, int column, int endLine, int endColumn) {

    /** {@code file:line:col}, the form users click on. */
    @Override
    public String toString() {
        return (file != null ? file : module) + ":" + line + ":" + column;
    }
}
