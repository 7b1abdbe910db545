package dev.conform.algorithms.raft;

import static dev.conform.algorithms.raft.Servers.started;
import static dev.conform.algorithms.raft.Servers.ctx;
import static dev.conform.algorithms.raft.Servers.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.algorithms.raft.RaftMessage.AppendEntries;
import dev.conform.algorithms.raft.RaftMessage.AppendEntriesResponse;
import dev.conform.algorithms.raft.RaftMessage.ClientReply;
import dev.conform.algorithms.raft.RaftMessage.ClientRequest;
import dev.conform.algorithms.raft.RaftMessage.RequestVoteResponse;
import dev.conform.runtime.EffectLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationTest {

    @Test
    void rejectsWhenThePreviousEntryDoesNotMatch() {
        RaftNode n = Servers.withLog(1, 1, 1);
        EffectLog<RaftMessage> c = started(2, n);
        c.deliver(n, 1, new AppendEntries(2, 2, 2, List.of(entry(2, 9)), 0));
        assertEquals(List.of("UpdateTerm", "HandleAppendEntries"), c.actionNames());
        assertEquals(List.of(new AppendEntriesResponse(2, false, 2)), c.sentTo(1));
        c.deliver(n, 1, new AppendEntries(2, 5, 2, List.of(), 0));
        assertEquals(new AppendEntriesResponse(2, false, 2), c.sentTo(1).get(1), "gap: hint is lastIndex");
        assertEquals(2, n.lastLogIndex());
    }

    @Test
    void truncatesAtTheFirstConflictAndOnlyThere() {
        RaftNode n = Servers.withLog(1, 1, 1, 1);
        EffectLog<RaftMessage> c = started(2, n);
        // Matching entries only: nothing is truncated, even though the message is shorter.
        c.deliver(n, 1, new AppendEntries(1, 0, 0, List.of(entry(1, 1)), 0));
        assertEquals(3, n.lastLogIndex());
        assertEquals(new AppendEntriesResponse(1, true, 1), c.sentTo(1).get(0));
        // A conflict at index 2 removes entries 2 and 3.
        LogEntry x = new LogEntry(2, "101:7:put k x");
        c.deliver(n, 1, new AppendEntries(2, 1, 1, List.of(x), 1));
        assertEquals(2, n.lastLogIndex());
        assertEquals(x, n.entry(2));
        assertEquals(new AppendEntriesResponse(2, true, 2), c.sentTo(1).get(1));
        assertEquals(1, n.commitIndex(), "min(leaderCommit, last new entry)");
        RaftPersistentState p = (RaftPersistentState) c.persisted;
        assertEquals(List.of(entry(1, 1), x), p.log());
    }

    @Test
    void commitIndexFollowsTheLeaderButNotBeyondTheCheckedPrefix() {
        RaftNode n = Servers.withLog(1, 1, 1, 1);
        EffectLog<RaftMessage> c = started(2, n);
        c.deliver(n, 1, new AppendEntries(1, 1, 1, List.of(), 3));
        assertEquals(1, n.commitIndex());
        c.deliver(n, 1, new AppendEntries(1, 3, 1, List.of(), 3));
        assertEquals(3, n.commitIndex());
        assertEquals(3, n.lastApplied());
    }

    @Test
    void staleLeaderIsRejectedWithTheCurrentTerm() {
        RaftNode n = Servers.withLog(3, 1);
        EffectLog<RaftMessage> c = started(2, n);
        c.deliver(n, 1, new AppendEntries(2, 0, 0, List.of(entry(2, 1)), 0));
        assertEquals(List.of(new AppendEntriesResponse(3, false, 1)), c.sentTo(1));
        assertEquals(1, n.termAt(1));
    }

    /** A leader of term 2 over a log of two term-1 entries. */
    private static RaftNode leader(EffectLog<RaftMessage> c) {
        RaftNode n = Servers.withLog(1, 1, 1);
        c.start(n);
        c.fire(n, "election");
        c.deliver(n, 2, new RequestVoteResponse(2, true));
        assertEquals(Role.Leader, n.role());
        c.clearOutputs();
        return n;
    }

    @Test
    void leaderBacksOffByTheHintAndResends() {
        EffectLog<RaftMessage> c = ctx(1);
        RaftNode n = leader(c);
        c.deliver(n, 3, new AppendEntriesResponse(2, false, 0));
        assertEquals(List.of("HandleAppendEntriesResponse"), c.actionNames());
        assertEquals(List.of(new AppendEntries(2, 0, 0, List.of(entry(1, 1), entry(1, 2)), 0)),
                c.sentTo(3));
    }

    @Test
    void leaderCommitsOldEntriesOnlyThroughACurrentTermEntry() {
        EffectLog<RaftMessage> c = ctx(1);
        RaftNode n = leader(c);
        c.deliver(n, 2, new AppendEntriesResponse(2, true, 2));
        assertEquals(0, n.commitIndex(), "term-1 entries on a majority stay uncommitted");
        assertEquals(List.of("HandleAppendEntriesResponse"), c.actionNames());
        c.clearOutputs();
        c.deliver(n, 101, new ClientRequest(101, 3, "put k v3"));
        assertEquals(List.of("ClientRequest"), c.actionNames());
        c.clearOutputs();
        c.deliver(n, 2, new AppendEntriesResponse(2, true, 3));
        assertEquals(List.of("HandleAppendEntriesResponse", "AdvanceCommitIndex"), c.actionNames());
        assertEquals(3, n.commitIndex());
        assertEquals(List.of(new ClientReply(1, true, null, 1), new ClientReply(2, true, null, 1),
                new ClientReply(3, true, null, 1)), c.sentTo(101));
    }

    @Test
    void followerRedirectsClientsToTheLeader() {
        RaftNode n = Servers.withLog(1);
        EffectLog<RaftMessage> c = started(2, n);
        c.deliver(n, 3, new AppendEntries(1, 0, 0, List.of(), 0));
        c.clearOutputs();
        c.deliver(n, 101, new ClientRequest(101, 1, "get k"));
        assertEquals(List.of(new ClientReply(1, false, null, 3)), c.sentTo(101));
        assertEquals(List.of("RedirectClient"), c.actionNames(), "the request's handler action, nothing appended");
    }

    @Test
    void leaderAnswersARetryOfAnAppliedCommandWithoutAppending() {
        EffectLog<RaftMessage> c = ctx(1);
        RaftNode n = leader(c);
        c.deliver(n, 101, new ClientRequest(101, 3, "put k v3"));
        c.deliver(n, 2, new AppendEntriesResponse(2, true, 3));
        long last = n.lastLogIndex();
        c.clearOutputs();
        c.deliver(n, 101, new ClientRequest(101, 3, "put k v3"));
        assertEquals(last, n.lastLogIndex());
        assertEquals(List.of(new ClientReply(3, true, null, 1)), c.sentTo(101));
        assertEquals(List.of("AnswerFromSession"), c.actionNames());
    }
}
