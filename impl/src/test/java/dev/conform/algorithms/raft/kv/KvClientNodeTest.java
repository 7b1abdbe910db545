package dev.conform.algorithms.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.algorithms.raft.RaftMessage.ClientReply;
import dev.conform.algorithms.raft.RaftMessage.ClientRequest;
import dev.conform.runtime.EffectLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class KvClientNodeTest {
    private static final List<Integer> SERVERS = List.of(1, 2, 3);

    @Test
    void workloadIsAFunctionOfTheSeed() {
        assertEquals(KvWorkload.generate(5, 101, 50, 3), KvWorkload.generate(5, 101, 50, 3));
        assertNotEquals(KvWorkload.generate(5, 101, 50, 3), KvWorkload.generate(6, 101, 50, 3));
        List<KvCommand> ops = KvWorkload.generate(5, 101, 200, 3);
        assertTrue(ops.stream().anyMatch(o -> o.kind() == KvCommand.Kind.CAS));
        assertTrue(ops.stream().anyMatch(o -> o.kind() == KvCommand.Kind.GET));
    }

    @Test
    void appendsReplaceHalfThePutsOnlyWhenAskedFor() {
        List<KvCommand> plain = KvWorkload.generate(5, 101, 200, 3);
        assertEquals(plain, KvWorkload.generate(5, 101, 200, 3, false), "without appends: the workload as before");
        assertTrue(plain.stream().noneMatch(o -> o.kind() == KvCommand.Kind.APPEND));
        List<KvCommand> mixed = KvWorkload.generate(5, 101, 200, 3, true);
        long appends = mixed.stream().filter(o -> o.kind() == KvCommand.Kind.APPEND).count();
        long puts = mixed.stream().filter(o -> o.kind() == KvCommand.Kind.PUT).count();
        assertTrue(appends > 20 && puts > 20, appends + " appends, " + puts + " puts");
        assertEquals(mixed, KvWorkload.generate(5, 101, 200, 3, true));
    }

    @Test
    void followsHintsRetriesWithTheSameSequenceAndMovesOn() {
        KvClientNode<RaftMessage> client = new KvClientNode<>(RaftMessage.CLIENT_PROTOCOL, SERVERS,
                List.of(KvCommand.put("a", "1"), KvCommand.get("a")), 400);
        EffectLog<RaftMessage> c = new EffectLog<>(101, List.of(1, 2, 3, 101));
        c.start(client);
        assertEquals(0, client.completed());
        ClientRequest first = new ClientRequest(101, 1, "put a 1");
        assertEquals(List.of(first), c.sentTo(3), "starts at servers[101 mod 3]");
        assertEquals(new EffectLog.Timer("retry", 400, 400), c.timers.get("retry"));

        c.deliver(client, 3, new ClientReply(1, false, null, 2));
        assertEquals(List.of(first), c.sentTo(2), "redirect with hint: at once");
        c.deliver(client, 2, new ClientReply(1, false, null, 0));
        assertEquals(1, c.sentTo(2).size(), "no hint: wait for the timer");
        c.fire(client, "retry");
        assertEquals(2, c.sentTo(3).size(), "timer: next server");

        c.deliver(client, 3, new ClientReply(1, true, null, 3));
        assertEquals(new ClientRequest(101, 2, "get a"), c.sentTo(3).get(2));
        c.deliver(client, 1, new ClientReply(1, true, null, 1));
        assertEquals(3, c.sentTo(3).size(), "a late duplicate answer is ignored");
        assertEquals(1, client.completed(), "the duplicate answer completes nothing");
        c.deliver(client, 3, new ClientReply(2, true, "1", 3));
        assertTrue(client.done());
        assertEquals(2, client.completed());
        assertEquals(List.of(new KvClientNode.Completed(1, KvCommand.put("a", "1"), null),
                new KvClientNode.Completed(2, KvCommand.get("a"), "1")), client.history());
        assertTrue(c.timers.isEmpty());
    }
}
