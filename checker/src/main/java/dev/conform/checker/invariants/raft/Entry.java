package dev.conform.checker.invariants.raft;

/** One log entry as recorded: its term and its opaque value (string or integer). */
record Entry(long term, Object value) {
    /** Values compare by text so that 7 read from JSON equals 7 recorded in memory. */
    boolean sameAs(Entry o) {
        return term == o.term && String.valueOf(value).equals(String.valueOf(o.value));
    }
}
