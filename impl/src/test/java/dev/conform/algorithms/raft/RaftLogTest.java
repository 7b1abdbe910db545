package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftLogTest {
    private static RaftLog log(long... terms) {
        List<LogEntry> es = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            es.add(new LogEntry(terms[i], "v" + (i + 1)));
        }
        return new RaftLog(0, 0, null, es);
    }

    @Test
    void indicesAreOneBasedAndShiftWithTheSnapshot() {
        RaftLog l = log(1, 1, 2, 3);
        assertEquals(4, l.lastIndex());
        assertEquals(3, l.lastTerm());
        assertEquals(0, l.termAt(0));
        assertEquals(-1, l.termAt(5));
        l.compact(2, "snap");
        assertEquals(2, l.snapshotIndex());
        assertEquals(1, l.snapshotTerm());
        assertEquals(-1, l.termAt(1), "compacted away");
        assertEquals(1, l.termAt(2), "the snapshot's last entry");
        assertEquals("v3", l.get(3).value());
        assertEquals(List.of(l.get(3), l.get(4)), l.slice(3, 10));
        assertEquals(List.of(l.get(3)), l.slice(3, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(2));
        assertThrows(IllegalArgumentException.class, () -> l.truncateFrom(2));
        l.truncateFrom(4);
        assertEquals(3, l.lastIndex());
    }

    @Test
    void installedSnapshotKeepsTheMatchingSuffixOnly() {
        RaftLog keep = log(1, 1, 2, 3);
        keep.install(2, 1, "s");
        assertEquals(4, keep.lastIndex());
        assertEquals(List.of(new LogEntry(2, "v3"), new LogEntry(3, "v4")), keep.entries());

        RaftLog conflict = log(1, 1, 2, 3);
        conflict.install(3, 5, "s");
        assertEquals(3, conflict.lastIndex());
        assertEquals(List.of(), conflict.entries());
        assertEquals(5, conflict.lastTerm());

        RaftLog shorter = log(1);
        shorter.install(6, 2, "s");
        assertEquals(6, shorter.lastIndex());
        assertEquals("s", shorter.snapshotData());
    }
}
