package dev.conform.algorithms.raft;

import static dev.conform.algorithms.raft.Servers.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftMessage.AppendEntries;
import dev.conform.algorithms.raft.RaftMessage.ClientRequest;
import dev.conform.algorithms.raft.RaftMessage.RequestVote;
import dev.conform.algorithms.raft.RaftMessage.RequestVoteResponse;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.EffectLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State is on disk before any message depending on it leaves (the runtime's commit order), and survives restarts. */
class PersistenceTest {

    /** A server that records no trace: persists and sends are then all it commits. */
    private static EffectLog<RaftMessage> untraced(int self) {
        EffectLog<RaftMessage> c = Servers.ctx(self);
        c.tracing = false;
        return c;
    }

    /** "term/vote/log-length" of the state made durable last. */
    private static String disk(EffectLog<RaftMessage> c) {
        RaftPersistentState p = (RaftPersistentState) c.persisted;
        return p.currentTerm() + "/" + p.votedFor() + "/" + p.log().size();
    }

    @Test
    void voteIsDurableBeforeTheAnswer() {
        RaftNode n = Servers.fresh();
        EffectLog<RaftMessage> c = untraced(2);
        c.start(n);
        c.deliver(n, 1, new RequestVote(1, 0, 0));
        assertEquals(List.of("persist", "send RequestVoteResponse to 1"), c.effects);
        assertEquals("1/1/0", disk(c));
    }

    @Test
    void entriesAreDurableBeforeTheAcknowledgement() {
        RaftNode n = Servers.fresh();
        EffectLog<RaftMessage> c = untraced(2);
        c.start(n);
        c.deliver(n, 1, new AppendEntries(1, 0, 0, List.of(entry(1, 1)), 0));
        assertEquals(List.of("persist", "send AppendEntriesResponse to 1"), c.effects);
        assertEquals("1/0/1", disk(c));
    }

    @Test
    void candidacyAndLeaderEntriesAreDurableBeforeSending() {
        RaftNode n = Servers.fresh();
        EffectLog<RaftMessage> c = untraced(1);
        c.start(n);
        c.fire(n, "election");
        assertEquals("persist", c.effects.get(0));
        assertEquals("1/1/0", disk(c));
        c.deliver(n, 2, new RequestVoteResponse(1, true));
        c.clearOutputs();
        c.deliver(n, 101, new ClientRequest(101, 1, "put a b"));
        assertEquals("persist", c.effects.get(0));
        assertEquals("1/1/1", disk(c));
        assertTrue(c.effects.size() > 1);
        assertTrue(c.effects.subList(1, c.effects.size()).stream().allMatch(e -> e.startsWith("send")));
    }

    @Test
    void restartedServerKeepsTermVoteAndLogAndVotesNoSecondTime() {
        RaftNode n = Servers.fresh();
        EffectLog<RaftMessage> c = Servers.ctx(2);
        c.start(n);
        c.deliver(n, 1, new AppendEntries(1, 0, 0, List.of(entry(1, 1), entry(1, 2)), 2));
        c.deliver(n, 3, new RequestVote(2, 2, 1));
        assertEquals(2, n.lastApplied());

        RaftNode back = new RaftNode(Servers.CONFIG, Servers.THREE, new KvStateMachine(),
                (RaftPersistentState) c.persisted);
        EffectLog<RaftMessage> c2 = Servers.ctx(2);
        c2.start(back);
        assertEquals(Role.Follower, back.role());
        assertEquals(2, back.currentTerm());
        assertEquals(3, back.votedFor());
        assertEquals(2, back.lastLogIndex());
        assertEquals(0, back.commitIndex(), "volatile: relearned from the leader");
        c2.deliver(back, 1, new RequestVote(2, 2, 1));
        assertEquals(List.of(new RequestVoteResponse(2, false)), c2.sentTo(1));
    }
}
