package dev.conform.algorithms.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.ClientCommand;
import dev.conform.algorithms.raft.RaftConfig;
import dev.conform.algorithms.raft.RaftFlaw;
import dev.conform.algorithms.raft.RaftFlaws;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvStateMachineTest {

    private static String cmd(int client, long seq, String op) {
        return new ClientCommand(client, seq, op).encode();
    }

    @Test
    void putGetAndCompareAndSet() {
        KvStateMachine kv = new KvStateMachine();
        assertNull(kv.apply(cmd(101, 1, "get a")));
        assertNull(kv.apply(cmd(101, 2, "put a 1")));
        assertEquals("1", kv.apply(cmd(101, 3, "get a")));
        assertEquals("false", kv.apply(cmd(101, 4, "cas a 2 3")));
        assertEquals("true", kv.apply(cmd(101, 5, "cas a 1 3")));
        assertEquals("true", kv.apply(cmd(102, 1, "cas b - 7")), "'-' expects an absent key");
        assertEquals(Map.of("a", "3", "b", "7"), kv.contents());
    }

    @Test
    void aRetriedCommandIsAppliedOnce() {
        KvStateMachine kv = new KvStateMachine();
        assertEquals("true", kv.apply(cmd(101, 1, "cas a - x")));
        kv.apply(cmd(102, 1, "put a y"));
        // The retry of 101/1 must not run the cas again (it would now fail) nor touch the data.
        assertEquals("true", kv.apply(cmd(101, 1, "cas a - x")));
        assertEquals("y", kv.read("a"));
        assertEquals(2, kv.appliedCount());
        assertTrue(kv.applied(101, 1));
        assertEquals("true", kv.cachedResult(101, 1));
        assertNull(kv.apply(cmd(101, 0, "put a z")), "older than the session: ignored");
        assertEquals("y", kv.read("a"));
    }

    @Test
    void appendConcatenatesAndAnAbsentKeyIsEmpty() {
        KvStateMachine kv = new KvStateMachine();
        assertNull(kv.apply(cmd(101, 1, "append a x")));
        assertNull(kv.apply(cmd(102, 1, "append a y")));
        assertNull(kv.apply(cmd(102, 1, "append a y")), "a retry");
        assertEquals("xy", kv.apply(cmd(101, 2, "get a")));
        assertEquals("true", kv.apply(cmd(101, 3, "cas a xy z")));
        assertEquals("z", kv.read("a"));
    }

    @Test
    void withRetryAppliedTwiceARetryIsAppliedAgain() {
        KvStateMachine kv = new KvStateMachine(RaftFlaws.of(RaftConfig.defaults().withFlaw(RaftFlaw.RETRY_APPLIED_TWICE)));
        kv.apply(cmd(101, 1, "append a x"));
        kv.apply(cmd(102, 1, "put b 1"));
        kv.apply(cmd(101, 1, "append a x"));
        kv.apply(cmd(102, 2, "put b 2"));
        kv.apply(cmd(102, 1, "put b 1"));
        assertEquals(Map.of("a", "xx", "b", "1"), kv.contents(), "the append shows twice; the old put undid the newer");
        assertTrue(kv.applied(102, 2), "the session does not go back to an older command");
    }

    @Test
    void onlyGetsAreReadOnlyAndAQueryChangesNothing() {
        KvStateMachine kv = new KvStateMachine();
        kv.apply(cmd(101, 1, "put a 1"));
        assertTrue(kv.readOnly("get a"));
        for (String op : new String[] {"put a 2", "append a 2", "cas a 1 2", "delete a"}) {
            assertFalse(kv.readOnly(op), op);
        }
        assertEquals("1", kv.query("get a"));
        assertNull(kv.query("get b"));
        assertEquals(1, kv.appliedCount());
        assertFalse(kv.applied(101, 2));
    }

    @Test
    void snapshotRestoresDataAndSessions() {
        KvStateMachine kv = new KvStateMachine();
        kv.apply(cmd(101, 1, "put a 1"));
        kv.apply(cmd(102, 4, "cas b - 2"));
        KvStateMachine copy = new KvStateMachine();
        copy.restore(kv.snapshot());
        assertEquals(kv.contents(), copy.contents());
        assertEquals("true", copy.apply(cmd(102, 4, "cas b - 2")), "the session came along");
        assertEquals(kv.snapshot(), copy.snapshot());
        copy.restore(null);
        assertTrue(copy.contents().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> copy.restore("not json"));
    }

    @Test
    void malformedCommandIsANoOpEverywhere() {
        KvStateMachine kv = new KvStateMachine();
        assertTrue(kv.apply(cmd(101, 1, "delete a")).startsWith("error: "));
        assertTrue(kv.contents().isEmpty());
    }

    @Test
    void commandsHaveATextForm() {
        for (KvCommand k : new KvCommand[] {KvCommand.put("a", "1"), KvCommand.get("a"),
                KvCommand.cas("a", null, "2"), KvCommand.cas("a", "1", "2"), KvCommand.append("a", "3")}) {
            assertEquals(k, KvCommand.parse(k.encode()));
        }
        assertThrows(IllegalArgumentException.class, () -> KvCommand.parse("put a"));
    }
}
