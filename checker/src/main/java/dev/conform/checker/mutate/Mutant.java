package dev.conform.checker.mutate;

/**
 * One wrong trace derived from a conforming one.
 *
 * @param operator the operator's name
 * @param index    1-based number of this mutant among the operator's
 * @param line     the line of the mutant file that holds the lie (1: the header)
 * @param lie      what was made impossible, for humans
 * @param trace    the mutated trace (written with {@link TraceDoc#write})
 */
public record Mutant(String operator, int index, long line, String lie, TraceDoc trace) {
    /** The file name the mutant is written to. */
    public String fileName() {
        return operator + "-" + index + ".ndjson";
    }
}
