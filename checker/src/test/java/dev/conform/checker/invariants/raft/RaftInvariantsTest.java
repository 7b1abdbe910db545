package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each Raft invariant on small hand-built traces: one that holds and one that breaks it. */
class RaftInvariantsTest {
    private static final TraceHeader HEADER = new TraceHeader(TraceHeader.SCHEMA_VERSION, "raft",
        List.of(1, 2, 3, 101), 0L, Map.of("unplanned", List.of("crash", "restart")), "test", Map.of(),
        TraceHeader.serversAndClients(List.of(1, 2, 3), List.of(101)));

    /**
     * Builds events with the state Raft records with each action (specs/raft/README.md). A
     * Handle action comes after the send and delivery of its message (from the next server), and a
     * ClientRequest after a request of client 101, so
     * the trace obeys the network rules and the tests judge the invariants alone (without the
     * spec's steps, which these hand-built states do not follow; RaftTraceAttackTest covers those).
     */
    private static final class Trace {
        final List<TraceEvent> events = new ArrayList<>();
        /** 1-based index of the last action added. */
        long last;
        private long msgIds;

        private void deliverFirst(int node, String action) {
            boolean client = action.equals("ClientRequest");
            if (!action.startsWith("Handle") && !client) {
                return;
            }
            int from = client ? 101 : node % 3 + 1;
            TraceMessage m = new TraceMessage(++msgIds, from, node,
                client ? action : action.substring("Handle".length()), null);
            events.add(new TraceEvent(events.size() + 1, from, EventKind.SEND, null, m, null, -1, null));
            events.add(new TraceEvent(events.size() + 1, node, EventKind.DELIVER, null, m, null, -1, null));
        }

        Trace act(int node, String action, long term, String role, int votedFor, long commit, Object... log) {
            return actSnap(node, action, term, role, votedFor, 0, 0, commit, log);
        }

        /** log: alternating term, value of the entries after the snapshot. */
        Trace actSnap(int node, String action, long term, String role, int votedFor, long snapIndex, long snapTerm,
                      long commit, Object... log) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("currentTerm", term);
            st.put("role", role);
            st.put("votedFor", (long) votedFor);
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < log.length; i += 2) {
                entries.add(Map.of("term", ((Number) log[i]).longValue(), "value", log[i + 1]));
            }
            st.put("log", entries);
            st.put("snapshotIndex", snapIndex);
            st.put("snapshotTerm", snapTerm);
            st.put("commitIndex", commit);
            deliverFirst(node, action);
            events.add(new TraceEvent(events.size() + 1, node, EventKind.ACTION, action, null, st, -1, null));
            last = events.size();
            return this;
        }

        /** An action that did not change the log, recorded without it (as the simulator does). */
        @SuppressWarnings("unchecked")
        Trace actKeepLog(int node, String action, long term, String role, int votedFor, long commit) {
            act(node, action, term, role, votedFor, commit);
            Map<String, Object> st = new LinkedHashMap<>((Map<String, Object>) events.get(events.size() - 1).state());
            st.remove("log");
            events.set(events.size() - 1, new TraceEvent(events.size(), node, EventKind.ACTION, action, null, st, -1, null));
            return this;
        }

        Trace crash(int node) {
            events.add(new TraceEvent(events.size() + 1, node, EventKind.CRASH, null, null, null, -1, null));
            last = events.size();
            return this;
        }

        Trace restart(int node, Object persisted) {
            events.add(new TraceEvent(events.size() + 1, node, EventKind.RESTART, null, null, persisted, -1, null));
            last = events.size();
            return this;
        }

        ReplayResult replay() {
            return new ReplayEngine().replay(EventSource.of(HEADER, events), RaftInvariants.invariantsAlone());
        }
    }

    /** Node 1 leads term 1 and commits "a" with node 2. */
    private static Trace elected() {
        return new Trace()
            .act(1, "Timeout", 1, "Candidate", 1, 0)
            .act(2, "HandleRequestVote", 1, "Follower", 1, 0)
            .act(1, "BecomeLeader", 1, "Leader", 1, 0)
            .act(1, "ClientRequest", 1, "Leader", 1, 0, 1, "a")
            .act(2, "HandleAppendEntries", 1, "Follower", 1, 0, 1, "a")
            .act(1, "AdvanceCommitIndex", 1, "Leader", 1, 1, 1, "a");
    }

    private static void assertFails(ReplayResult r, String invariant, long event) {
        assertEquals(invariant, r.failure() == null ? null : r.failure().invariant(), String.valueOf(r.failure()));
        assertEquals(event, r.failure().event(), r.failure().message());
    }

    @Test
    void isRegisteredUnderTheAlgorithmName() {
        assertInstanceOf(RaftInvariants.class, InvariantRegistry.find("raft").orElseThrow());
    }

    @Test
    void electReplicateCommitConforms() {
        ReplayResult r = elected().act(2, "HandleAppendEntries", 1, "Follower", 1, 1, 1, "a").replay();
        assertNull(r.failure(), String.valueOf(r.failure()));
    }

    @Test
    void whatARunReachedIsCoverageNotAVerdict() {
        ReplayResult r = new Trace().act(1, "Timeout", 1, "Candidate", 1, 0).replay();
        assertNull(r.failure(), String.valueOf(r.failure()));
        assertEquals(List.of("LeaderElected", "EntryCommitted"), r.coverage().unreached());
        ReplayResult r2 = new Trace().act(1, "Timeout", 1, "Candidate", 1, 0)
            .act(1, "BecomeLeader", 1, "Leader", 1, 0).replay();
        assertEquals(List.of("EntryCommitted"), r2.coverage().unreached());
        assertEquals(List.of(), elected().replay().coverage().unreached());
    }

    @Test
    void twoLeadersInOneTermBreakElectionSafety() {
        Trace t = elected()
            .act(3, "Timeout", 1, "Candidate", 3, 0)
            .act(3, "BecomeLeader", 1, "Leader", 3, 0);
        ReplayResult r = t.replay();
        assertFails(r, "ElectionSafety", t.last);
        assertTrue(r.failure().message().contains("both lead term 1"), r.failure().message());
    }

    @Test
    void leadersOfDifferentTermsAreFine() {
        ReplayResult r = elected()
            .act(3, "UpdateTerm", 2, "Follower", 0, 0)
            .act(3, "Timeout", 3, "Candidate", 3, 0, 1, "a")
            .act(2, "HandleRequestVote", 3, "Follower", 3, 0, 1, "a")
            .act(3, "BecomeLeader", 3, "Leader", 3, 0, 1, "a")
            .replay();
        assertNull(r.failure(), String.valueOf(r.failure()));
    }

    @Test
    void sameTermDifferentPrefixBreaksLogMatching() {
        Trace t = new Trace()
            .act(1, "HandleAppendEntries", 2, "Follower", 0, 0, 1, "x", 2, "z")
            .act(2, "HandleAppendEntries", 2, "Follower", 0, 0, 2, "y", 2, "z");
        assertFails(t.replay(), "LogMatching", t.last);
    }

    @Test
    void divergingSuffixesAreAllowedByLogMatching() {
        ReplayResult r = new Trace()
            .act(1, "HandleAppendEntries", 2, "Follower", 0, 0, 1, "x", 1, "p")
            .act(2, "HandleAppendEntries", 2, "Follower", 0, 0, 1, "x", 2, "q")
            .act(1, "Timeout", 3, "Candidate", 1, 0, 1, "x", 1, "p")
            .act(1, "BecomeLeader", 3, "Leader", 1, 0, 1, "x", 1, "p")
            .act(1, "ClientRequest", 3, "Leader", 1, 0, 1, "x", 1, "p", 3, "r")
            .act(2, "HandleAppendEntries", 3, "Follower", 1, 0, 1, "x", 1, "p", 3, "r")
            .act(1, "AdvanceCommitIndex", 3, "Leader", 1, 3, 1, "x", 1, "p", 3, "r")
            .replay();
        assertNull(r.failure(), String.valueOf(r.failure()));
    }

    @Test
    void leaderMissingACommittedEntryBreaksLeaderCompleteness() {
        Trace t = elected()
            .act(3, "Timeout", 2, "Candidate", 3, 0)
            .act(3, "BecomeLeader", 2, "Leader", 3, 0);
        ReplayResult r = t.replay();
        assertFails(r, "LeaderCompleteness", t.last);
        assertTrue(r.failure().message().contains("lacks entry 1"), r.failure().message());
    }

    @Test
    void differentCommittedEntriesBreakStateMachineSafety() {
        Trace t = new Trace()
            .act(1, "HandleAppendEntries", 1, "Follower", 0, 1, 1, "a")
            .act(2, "HandleAppendEntries", 2, "Follower", 0, 1, 2, "b");
        assertFails(t.replay(), "StateMachineSafety", t.last);
    }

    @Test
    void anActionWithoutLogKeepsTheLog() {
        // node 1 keeps "a" through actions that record no log, so it may lead term 3
        ReplayResult r = elected()
            .actKeepLog(2, "HandleAppendEntries", 1, "Follower", 1, 1)
            .actKeepLog(1, "UpdateTerm", 2, "Follower", 0, 1)
            .actKeepLog(1, "Timeout", 3, "Candidate", 1, 1)
            .actKeepLog(2, "HandleRequestVote", 3, "Follower", 1, 1)
            .actKeepLog(1, "BecomeLeader", 3, "Leader", 1, 1)
            .replay();
        assertNull(r.failure(), String.valueOf(r.failure()));
        // node 3 never recorded a log: it is still empty, so its leadership lacks "a"
        Trace badTrace = elected()
            .actKeepLog(3, "Timeout", 2, "Candidate", 3, 0)
            .actKeepLog(3, "BecomeLeader", 2, "Leader", 3, 0);
        assertFails(badTrace.replay(), "LeaderCompleteness", badTrace.last);
        // a kept log still counts for StateMachineSafety: node 2 commits its kept "a"
        Trace conflict = new Trace()
            .act(1, "HandleAppendEntries", 2, "Follower", 0, 0, 2, "b")
            .act(2, "HandleAppendEntries", 1, "Follower", 0, 0, 1, "a")
            .actKeepLog(1, "HandleAppendEntries", 2, "Follower", 0, 1)
            .actKeepLog(2, "HandleAppendEntries", 1, "Follower", 0, 1);
        assertFails(conflict.replay(), "StateMachineSafety", conflict.last);
    }

    @Test
    void compactedPrefixIsStillCompared() {
        // node 1 compacts "a" into its snapshot; node 2 later commits "b" at index 1
        Trace t = elected()
            .actSnap(1, "TakeSnapshot", 1, "Leader", 1, 1, 1, 1)
            .actSnap(1, "UpdateTerm", 2, "Follower", 0, 1, 1, 1)
            .act(2, "HandleAppendEntries", 3, "Follower", 0, 1, 3, "b");
        assertFails(t.replay(), "StateMachineSafety", t.last);
    }

    @Test
    void installedSnapshotTakesTheCommittedPrefix() {
        ReplayResult r = elected()
            .actSnap(3, "HandleInstallSnapshot", 1, "Follower", 0, 1, 1, 1)
            .replay();
        assertNull(r.failure(), String.valueOf(r.failure()));
        // the installed prefix is "a": a later different commit at index 1 elsewhere is caught
        Trace bad = elected()
            .actSnap(3, "HandleInstallSnapshot", 1, "Follower", 0, 1, 1, 1)
            .act(1, "UpdateTerm", 5, "Follower", 0, 0)
            .act(1, "HandleAppendEntries", 5, "Follower", 0, 1, 5, "c");
        assertFails(bad.replay(), "StateMachineSafety", bad.last);
    }

    /** The shape of the simulator's persisted record, as an object (in-memory traces). */
    record Persisted(long currentTerm, int votedFor, long snapshotIndex, long snapshotTerm, String snapshotData,
                     List<Map<String, Object>> log) {
    }

    @Test
    void crashEndsLeadershipAndRestartAppliesThePersistedRecord() {
        Persisted same = new Persisted(1, 1, 0, 0, null, List.of(Map.of("term", 1L, "value", "a")));
        ReplayResult r = elected().crash(1).restart(1, same)
            .act(3, "Timeout", 1, "Candidate", 3, 0)
            .act(3, "BecomeLeader", 1, "Leader", 3, 0)
            .replay();
        assertNull(r.failure(), "node 1 lost its leadership in the crash: " + r.failure());
        Persisted other = new Persisted(1, 1, 0, 0, null, List.of(Map.of("term", 1L, "value", "zz")));
        Trace bad = elected().crash(1).restart(1, other);
        assertFails(bad.replay(), "LogMatching", bad.last);
    }

    @Test
    void actionWithoutStateCannotBeFolded() {
        Trace t = elected();
        t.events.add(new TraceEvent(t.events.size() + 1, 2, EventKind.ACTION, "UpdateTerm", null, null, -1, null));
        ReplayResult r = t.replay();
        assertNull(r.failure().invariant());
        assertEquals(t.events.size(), r.failure().event());
    }
}
