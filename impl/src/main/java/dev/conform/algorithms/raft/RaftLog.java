package dev.conform.algorithms.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The log with 1-based indices as in the paper. Entries up to {@link #snapshotIndex()} live only
 * in the snapshot; the list holds the entries after it, so index {@code i} is at list position
 * {@code i - snapshotIndex - 1}.
 */
final class RaftLog {
    private final List<LogEntry> entries = new ArrayList<>();
    private long snapshotIndex;
    private long snapshotTerm;
    private String snapshotData;
    /** Counts changes to the entries or the snapshot: tells the trace whether an action changed the log. */
    private long version;
    /** Immutable copy of {@link #entries}, built on demand and dropped on change (persisted whenever the log changed). */
    private List<LogEntry> view;

    RaftLog(long snapshotIndex, long snapshotTerm, String snapshotData, List<LogEntry> entries) {
        this.snapshotIndex = snapshotIndex;
        this.snapshotTerm = snapshotTerm;
        this.snapshotData = snapshotData;
        this.entries.addAll(entries);
    }

    /** Changes with every append, truncation, compaction and snapshot install. */
    long version() {
        return version;
    }

    private void changed() {
        version++;
        view = null;
    }

    long snapshotIndex() {
        return snapshotIndex;
    }

    long snapshotTerm() {
        return snapshotTerm;
    }

    String snapshotData() {
        return snapshotData;
    }

    long lastIndex() {
        return snapshotIndex + entries.size();
    }

    long lastTerm() {
        return entries.isEmpty() ? snapshotTerm : entries.get(entries.size() - 1).term();
    }

    /** The term at {@code index}; 0 for index 0; -1 when the index is compacted away or beyond the end. */
    long termAt(long index) {
        if (index == snapshotIndex) {
            return snapshotTerm;
        }
        if (index < snapshotIndex || index > lastIndex()) {
            return -1;
        }
        return entries.get((int) (index - snapshotIndex - 1)).term();
    }

    /** The entry at {@code index}, which must be after the snapshot and at most lastIndex. */
    LogEntry get(long index) {
        if (index <= snapshotIndex || index > lastIndex()) {
            throw new IndexOutOfBoundsException("log index " + index + " outside ("
                    + snapshotIndex + ", " + lastIndex() + "]");
        }
        return entries.get((int) (index - snapshotIndex - 1));
    }

    void append(LogEntry e) {
        entries.add(e);
        changed();
    }

    /** Removes the entries at {@code index} and after (index must be after the snapshot). */
    void truncateFrom(long index) {
        int from = (int) (index - snapshotIndex - 1);
        if (from < 0) {
            throw new IllegalArgumentException("cannot truncate inside the snapshot at " + index);
        }
        if (from < entries.size()) {
            entries.subList(from, entries.size()).clear();
            changed();
        }
    }

    /** Up to {@code max} entries starting at {@code from} (from must be after the snapshot). */
    List<LogEntry> slice(long from, int max) {
        int start = (int) (from - snapshotIndex - 1);
        int end = (int) Math.min(entries.size(), (long) start + max);
        return start >= end ? List.of() : List.copyOf(entries.subList(start, end));
    }

    /** The entries after the snapshot, as an immutable copy. */
    List<LogEntry> entries() {
        List<LogEntry> v = view;
        if (v == null) {
            v = List.copyOf(entries);
            view = v;
        }
        return v;
    }

    /** The number of entries after the snapshot. */
    int size() {
        return entries.size();
    }

    /** Drops the entries up to {@code index} (which must be in the log) into a snapshot. */
    void compact(long index, String data) {
        long term = termAt(index);
        if (index <= snapshotIndex || term < 0) {
            throw new IllegalArgumentException("cannot snapshot at " + index);
        }
        entries.subList(0, (int) (index - snapshotIndex)).clear();
        snapshotIndex = index;
        snapshotTerm = term;
        snapshotData = data;
        changed();
    }

    /**
     * Installs a snapshot received from the leader: entries after it survive only if the log
     * holds the snapshot's last entry with the same term (Figure 13, step 6-7 of the paper).
     */
    void install(long index, long term, String data) {
        if (termAt(index) == term && index <= lastIndex()) {
            entries.subList(0, (int) (index - snapshotIndex)).clear();
        } else {
            entries.clear();
        }
        snapshotIndex = index;
        snapshotTerm = term;
        snapshotData = data;
        changed();
    }
}
