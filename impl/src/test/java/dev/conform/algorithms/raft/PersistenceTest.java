package dev.conform.algorithms.raft;

import static dev.conform.algorithms.raft.Servers.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftMessage.AppendEntries;
import dev.conform.algorithms.raft.RaftMessage.ClientRequest;
import dev.conform.algorithms.raft.RaftMessage.RequestVote;
import dev.conform.algorithms.raft.RaftMessage.RequestVoteResponse;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.Context;
import dev.conform.runtime.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Durable state reaches the context before any message depending on it, and survives restarts. */
class PersistenceTest {

    /** Logs effects in order: "persist term/vote/log-length" and "send Type to n". */
    private static final class OrderedContext implements Context<RaftMessage> {
        final List<String> effects = new ArrayList<>();
        RaftPersistentState disk;
        private final int self;

        OrderedContext(int self) {
            this.self = self;
        }

        @Override
        public int self() {
            return self;
        }

        @Override
        public List<Integer> nodes() {
            return Servers.THREE;
        }

        @Override
        public void send(int to, RaftMessage msg) {
            effects.add("send " + msg.getClass().getSimpleName() + " to " + to);
        }

        @Override
        public void setTimer(String name, long minTicks, long maxTicks) {
        }

        @Override
        public void cancelTimer(String name) {
        }

        @Override
        public void persist(Object state) {
            disk = (RaftPersistentState) state;
            effects.add("persist " + disk.currentTerm() + "/" + disk.votedFor() + "/" + disk.log().size());
        }

        @Override
        public long localTime() {
            return 0;
        }

        @Override
        public boolean tracing() {
            return false;
        }

        @Override
        public void action(String name, Object state) {
            throw new AssertionError("action recorded while not tracing");
        }
    }

    @Test
    void voteIsDurableBeforeTheAnswer() {
        RaftNode n = Servers.fresh();
        OrderedContext c = new OrderedContext(2);
        n.onStart(c);
        n.onMessage(c, 1, new RequestVote(1, 0, 0));
        assertEquals(List.of("persist 1/1/0", "send RequestVoteResponse to 1"), c.effects);
    }

    @Test
    void entriesAreDurableBeforeTheAcknowledgement() {
        RaftNode n = Servers.fresh();
        OrderedContext c = new OrderedContext(2);
        n.onStart(c);
        n.onMessage(c, 1, new AppendEntries(1, 0, 0, List.of(entry(1, 1)), 0));
        assertEquals(List.of("persist 1/0/1", "send AppendEntriesResponse to 1"), c.effects);
    }

    @Test
    void candidacyAndLeaderEntriesAreDurableBeforeSending() {
        RaftNode n = Servers.fresh();
        OrderedContext c = new OrderedContext(1);
        n.onStart(c);
        n.onTimer(c, "election");
        assertEquals("persist 1/1/0", c.effects.get(0));
        n.onMessage(c, 2, new RequestVoteResponse(1, true));
        c.effects.clear();
        n.onMessage(c, 101, new ClientRequest(101, 1, "put a b"));
        assertEquals("persist 1/1/1", c.effects.get(0));
        assertTrue(c.effects.subList(1, c.effects.size()).stream().allMatch(e -> e.startsWith("send")));
    }

    @Test
    void restartedServerKeepsTermVoteAndLogAndVotesNoSecondTime() {
        RaftNode n = Servers.fresh();
        RecordingContext<RaftMessage> c = Servers.ctx(2);
        n.onStart(c);
        n.onMessage(c, 1, new AppendEntries(1, 0, 0, List.of(entry(1, 1), entry(1, 2)), 2));
        n.onMessage(c, 3, new RequestVote(2, 2, 1));
        assertEquals(2, n.lastApplied());

        RaftNode back = new RaftNode(Servers.CONFIG, Servers.THREE, new KvStateMachine(),
                (RaftPersistentState) c.persisted);
        RecordingContext<RaftMessage> c2 = Servers.ctx(2);
        back.onStart(c2);
        assertEquals(Role.Follower, back.role());
        assertEquals(2, back.currentTerm());
        assertEquals(3, back.votedFor());
        assertEquals(2, back.lastLogIndex());
        assertEquals(0, back.commitIndex(), "volatile: relearned from the leader");
        back.onMessage(c2, 1, new RequestVote(2, 2, 1));
        assertEquals(List.of(new RequestVoteResponse(2, false)), c2.sentTo(1));
    }
}
