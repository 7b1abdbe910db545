package dev.conform.algorithms.raft;

import static dev.conform.algorithms.raft.Servers.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.RaftMessage.AppendEntries;
import dev.conform.algorithms.raft.RaftMessage.RequestVote;
import dev.conform.algorithms.raft.RaftMessage.RequestVoteResponse;
import dev.conform.runtime.EffectLog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElectionTest {

    @Test
    void timeoutMakesACandidateThatAsksEveryPeer() {
        RaftNode n = Servers.fresh();
        EffectLog<RaftMessage> c = started(1, n);
        assertEquals(new EffectLog.Timer("election", 150, 300), c.timers.get("election"));
        c.fire(n, "election");
        assertEquals(Role.Candidate, n.role());
        assertEquals(1, n.currentTerm());
        assertEquals(1, n.votedFor());
        assertEquals(List.of("Timeout"), c.actionNames());
        assertEquals(List.of(new RequestVote(1, 0, 0)), c.sentTo(2));
        assertEquals(List.of(new RequestVote(1, 0, 0)), c.sentTo(3));
        RaftPersistentState p = (RaftPersistentState) c.persisted;
        assertEquals(1, p.currentTerm());
        assertEquals(1, p.votedFor());
    }

    @Test
    void grantsOneVotePerTerm() {
        RaftNode n = Servers.fresh();
        EffectLog<RaftMessage> c = started(2, n);
        c.deliver(n, 1, new RequestVote(1, 0, 0));
        assertEquals(List.of("UpdateTerm", "HandleRequestVote"), c.actionNames());
        assertEquals(List.of(new RequestVoteResponse(1, true)), c.sentTo(1));
        assertEquals(1, ((RaftPersistentState) c.persisted).votedFor());
        c.deliver(n, 3, new RequestVote(1, 0, 0));
        assertEquals(List.of(new RequestVoteResponse(1, false)), c.sentTo(3));
        c.deliver(n, 1, new RequestVote(1, 0, 0));
        assertEquals(new RequestVoteResponse(1, true), c.sentTo(1).get(1), "a repeated request");
    }

    @Test
    void refusesAStaleTerm() {
        RaftNode n = Servers.withLog(2);
        EffectLog<RaftMessage> c = started(2, n);
        c.deliver(n, 1, new RequestVote(1, 5, 1));
        assertEquals(List.of("HandleRequestVote"), c.actionNames());
        assertEquals(List.of(new RequestVoteResponse(2, false)), c.sentTo(1));
        assertEquals(0, n.votedFor());
    }

    @Test
    void refusesACandidateWithAnOlderLog() {
        RaftNode n = Servers.withLog(2, 1, 2);
        EffectLog<RaftMessage> c = started(2, n);
        // Shorter log with the same last term: refused; the term is still taken.
        c.deliver(n, 1, new RequestVote(3, 1, 2));
        assertEquals(List.of(new RequestVoteResponse(3, false)), c.sentTo(1));
        assertEquals(3, n.currentTerm());
        // Longer log with an older last term: refused.
        c.deliver(n, 1, new RequestVote(3, 9, 1));
        assertEquals(new RequestVoteResponse(3, false), c.sentTo(1).get(1));
        // A later last term wins even with a shorter log.
        c.deliver(n, 3, new RequestVote(3, 1, 3));
        assertEquals(List.of(new RequestVoteResponse(3, true)), c.sentTo(3));
    }

    @Test
    void flawedServerVotesWithoutLookingAtTheLog() {
        RaftNode n = new RaftNode(Servers.CONFIG.withFlaw(RaftFlaw.VOTE_WITHOUT_LOG_CHECK),
                Servers.THREE, new dev.conform.algorithms.raft.kv.KvStateMachine(),
                new RaftPersistentState(2, 0, 0, 0, null, List.of(Servers.entry(2, 1))));
        EffectLog<RaftMessage> c = started(2, n);
        c.deliver(n, 1, new RequestVote(3, 0, 0));
        assertEquals(List.of(new RequestVoteResponse(3, true)), c.sentTo(1));
    }

    @Test
    void majorityMakesALeaderThatSendsHeartbeats() {
        RaftNode n = Servers.withLog(1, 1);
        EffectLog<RaftMessage> c = started(1, n);
        c.fire(n, "election");
        c.clearOutputs();
        c.deliver(n, 2, new RequestVoteResponse(2, true));
        assertEquals(Role.Leader, n.role());
        assertEquals(List.of("HandleRequestVoteResponse", "BecomeLeader"), c.actionNames());
        assertFalse(c.timers.containsKey("election"));
        assertTrue(c.timers.containsKey("heartbeat"));
        assertEquals(List.of(new AppendEntries(2, 1, 1, List.of(), 0)), c.sentTo(3));
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) c.actions.get(1).state();
        assertEquals(Map.of("2", 2L, "3", 2L), state.get("nextIndex"));
        assertEquals(Map.of("2", 0L, "3", 0L), state.get("matchIndex"));
        assertEquals("Leader", state.get("role"));
        // A late vote of the same term changes nothing but is still one handler action.
        c.clearOutputs();
        c.deliver(n, 3, new RequestVoteResponse(2, true));
        assertEquals(List.of("HandleRequestVoteResponse"), c.actionNames());
        assertTrue(c.sent.isEmpty());
    }

    @Test
    void deniedVotesDoNotElect() {
        RaftNode n = Servers.fresh();
        EffectLog<RaftMessage> c = started(1, n);
        c.fire(n, "election");
        c.deliver(n, 2, new RequestVoteResponse(1, false));
        c.deliver(n, 3, new RequestVoteResponse(1, false));
        assertEquals(Role.Candidate, n.role());
        // A higher term in an answer turns the candidate into a follower.
        c.clearOutputs();
        c.deliver(n, 3, new RequestVoteResponse(4, false));
        assertEquals(List.of("UpdateTerm", "HandleRequestVoteResponse"), c.actionNames());
        assertEquals(Role.Follower, n.role());
        assertEquals(4, n.currentTerm());
    }
}
