package dev.conform.checker.invariants.raft;

/** One log entry as recorded: its term and its opaque value (string or integer). */
record Entry(long term, Object value) {
    /** Values compare by text so that 7 read from JSON equals 7 recorded in memory. */
    boolean sameAs(Entry o) {
        return term == o.term && String.valueOf(value).equals(String.valueOf(o.value));
    }

    /** A 64-bit hash of term and value text (FNV-1a), consistent with {@link #sameAs}. */
    long hash64() {
        long h = 0xcbf29ce484222325L ^ term;
        String s = String.valueOf(value);
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return ServerView.mix(h);
    }
}
