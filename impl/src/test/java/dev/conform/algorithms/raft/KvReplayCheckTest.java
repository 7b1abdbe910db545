package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.runtime.RecordingContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replay check accepts a history matching the log and names one that does not. */
class KvReplayCheckTest {

    private static KvClientNode clientThatSaw(String readResult) {
        KvClientNode k = new KvClientNode(List.of(1), List.of(KvCommand.put("a", "1"), KvCommand.get("a")), 10);
        RecordingContext<RaftMessage> c = new RecordingContext<>(101, List.of(1, 101));
        k.onStart(c);
        k.onMessage(c, 1, new RaftMessage.ClientReply(1, true, null, 1));
        k.onMessage(c, 1, new RaftMessage.ClientReply(2, true, readResult, 1));
        return k;
    }

    @Test
    void comparesEveryResultWithTheReplayedLog() {
        Map<Long, String> log = Map.of(1L, "101:1:put a 1", 2L, "101:2:get a", 3L, "101:2:get a");
        assertEquals(List.of(), KvReplayCheck.check(log, Map.of(101, clientThatSaw("1"))));
        assertEquals(List.of("client 101/2 (get a) saw 0, the log gives 1"),
                KvReplayCheck.check(log, Map.of(101, clientThatSaw("0"))));
        assertEquals(List.of("client 101/2 completed but is not in the committed log"),
                KvReplayCheck.check(Map.of(1L, "101:1:put a 1"), Map.of(101, clientThatSaw("1"))));
        assertEquals(List.of("committed index 1 never observed"),
                KvReplayCheck.check(Map.of(2L, "101:2:get a"), Map.of()));
    }
}
