package dev.conform.algorithms.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.paxos.PaxosMessage.Accept;
import dev.conform.algorithms.paxos.PaxosMessage.Accepted;
import dev.conform.algorithms.paxos.PaxosMessage.ClientRequest;
import dev.conform.algorithms.paxos.PaxosMessage.Decide;
import dev.conform.algorithms.paxos.PaxosMessage.InstallSnapshot;
import dev.conform.algorithms.paxos.PaxosMessage.Nack;
import dev.conform.algorithms.paxos.PaxosMessage.Prepare;
import dev.conform.algorithms.paxos.PaxosMessage.Promise;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.EffectLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an acceptor promises or votes for is durable before the message that tells anyone about
 * it leaves (the handler persists; the runtime commits persist before send), and a restarted
 * server is rebuilt from exactly that: promise, votes, snapshot; nothing chosen above it.
 */
class PaxosPersistenceTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);
    private static final PaxosConfig CONFIG = new PaxosConfig(150, 300, 50, 2, java.util.Set.of());

    private static PaxosNode fresh() {
        return new PaxosNode(CONFIG, THREE, new KvStateMachine(), null);
    }

    private static EffectLog<PaxosMessage> untraced(int self, PaxosNode n) {
        EffectLog<PaxosMessage> c = new EffectLog<>(self, THREE);
        c.tracing = false;
        c.start(n);
        c.clearOutputs();
        return c;
    }

    private static PaxosPersistentState disk(EffectLog<PaxosMessage> c) {
        return (PaxosPersistentState) c.persisted;
    }

    @Test
    void promiseIsDurableBeforeThePromiseLeaves() {
        PaxosNode n = fresh();
        EffectLog<PaxosMessage> c = untraced(2, n);
        c.deliver(n, 1, new Prepare(4));
        assertEquals(List.of("persist", "send Promise to 1"), c.effects);
        assertEquals(4, disk(c).promised());
        c.deliver(n, 3, new Prepare(3));
        assertEquals(List.of(new Nack(4)), c.sentTo(3), "a lower ballot is refused, nothing new to persist");
    }

    @Test
    void voteIsDurableBeforeAccepted() {
        PaxosNode n = fresh();
        EffectLog<PaxosMessage> c = untraced(2, n);
        c.deliver(n, 1, new Accept(1, 1, "101:1:put a 1"));
        assertEquals(List.of("persist", "send Accepted to 1"), c.effects);
        assertEquals(List.of(new Vote(1, 1, "101:1:put a 1")), disk(c).accepted());
    }

    @Test
    void ballotIsDurableBeforePrepareAndTheLeadersVoteBeforeAccept() {
        PaxosNode n = fresh();
        EffectLog<PaxosMessage> c = untraced(1, n);
        c.fire(n, PaxosNode.ELECTION_TIMER);
        assertEquals("persist", c.effects.get(0));
        assertEquals(1, disk(c).ballot());
        assertEquals(1, disk(c).promised());
        assertEquals(List.of(new Prepare(1)), c.sentTo(2));
        c.deliver(n, 2, new Promise(1, List.of(), 0));
        assertTrue(n.leading());
        c.clearOutputs();
        c.deliver(n, 101, new ClientRequest(101, 1, "put a 1"));
        assertEquals("persist", c.effects.get(0));
        assertTrue(c.effects.subList(1, c.effects.size()).stream().allMatch(e -> e.startsWith("send")), c.effects.toString());
        assertEquals(List.of(new Vote(1, 1, "101:1:put a 1")), disk(c).accepted());
    }

    @Test
    void restartedServerKeepsPromiseVotesAndSnapshotAndRelearnsTheRest() {
        PaxosNode n = fresh();
        EffectLog<PaxosMessage> c = untraced(2, n);
        c.deliver(n, 1, new Prepare(4));
        c.deliver(n, 1, new Accept(4, 1, "101:1:put a 1"));
        c.deliver(n, 1, new Accept(4, 2, "101:2:put b 2"));
        c.deliver(n, 1, new Accept(4, 3, "101:3:put c 3"));
        c.deliver(n, 1, new Decide(1, "101:1:put a 1"));
        c.deliver(n, 1, new Decide(2, "101:2:put b 2"));
        c.deliver(n, 1, new Decide(3, "101:3:put c 3"));
        assertEquals(3, n.applied());
        assertEquals(2, n.snapshotIndex(), "snapshotEvery = 2");

        PaxosNode back = new PaxosNode(CONFIG, THREE, new KvStateMachine(), disk(c));
        EffectLog<PaxosMessage> c2 = untraced(2, back);
        assertFalse(back.leading());
        assertEquals(4, back.promised());
        assertEquals(2, back.snapshotIndex());
        assertEquals(2, back.applied(), "chosen/applied above the snapshot are volatile");
        assertEquals("2", back.store().query("get b"), "the store comes back from the snapshot");
        assertEquals(List.of(new Vote(3, 4, "101:3:put c 3")), back.persistentState().accepted());
        c2.deliver(back, 3, new Accept(3, 4, "102:1:put d 4"));
        assertEquals(List.of(new Nack(4)), c2.sentTo(3), "the promise survived the crash");
    }

    @Test
    void snapshotInstallKeepsNewerVotes() {
        PaxosNode n = fresh();
        EffectLog<PaxosMessage> c = untraced(3, n);
        c.deliver(n, 1, new Accept(1, 5, "101:5:put e 5"));
        KvStateMachine donor = new KvStateMachine();
        donor.apply("101:1:put a 1");
        c.deliver(n, 1, new InstallSnapshot(1, 4, donor.snapshot()));
        assertEquals(4, n.applied());
        assertEquals(4, disk(c).snapshotIndex());
        assertEquals(List.of(new Vote(5, 1, "101:5:put e 5")), disk(c).accepted());
        assertEquals("1", n.store().query("get a"));
        assertEquals(List.of(new Accepted(1, 5)), c.sentTo(1).subList(0, 1));
    }
}
