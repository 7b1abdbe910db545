package dev.conform.checker.invariants.twopc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two-phase commit invariants on the example traces of specs/twopc/traces and on small made-up traces. */
class TwoPhaseInvariantsTest {
    static final Path TRACES = Path.of("../specs/twopc/traces");
    static final TraceHeader HEADER = new TraceHeader(1, "twopc", List.of(1, 2, 3), 1L,
            Map.of("unplanned", List.of("crash", "restart")), "test", Map.of());

    static InvariantSet<?> set() {
        return InvariantRegistry.find("twopc").orElseThrow();
    }

    static ReplayResult replayFile(String file) {
        try (TraceReader r = TraceReader.open(TRACES.resolve(file))) {
            return new ReplayEngine().replay(EventSource.of(r), set());
        }
    }

    static ReplayResult replay(List<TraceEvent> events) {
        return new ReplayEngine().replay(EventSource.of(HEADER, events), set());
    }

    /** A tiny trace builder: seq numbers in order, no clocks. */
    static final class Trace {
        final List<TraceEvent> events = new ArrayList<>();

        Trace tm(String action, String tmState) {
            return add(new TraceEvent(events.size(), 1, EventKind.ACTION, action, null,
                    Map.of("tmState", tmState, "tmPrepared", List.of(), "tmAcked", List.of()), -1, null));
        }

        Trace rm(int node, String action, String rmState) {
            return add(new TraceEvent(events.size(), node, EventKind.ACTION, action, null, Map.of("rmState", rmState), -1, null));
        }

        Trace vote(int from, boolean yes) {
            TraceMessage m = new TraceMessage(events.size(), from, 1, "Vote", Map.of("type", "Vote", "yes", yes));
            return add(new TraceEvent(events.size(), from, EventKind.SEND, null, m, null, -1, null));
        }

        Trace crash(int node) {
            return add(new TraceEvent(events.size(), node, EventKind.CRASH, null, null, null, -1, null));
        }

        Trace add(TraceEvent e) {
            events.add(e);
            return this;
        }
    }

    @Test
    void registeredUnderTwopc() {
        assertEquals("twopc", set().algorithm());
        assertEquals(List.of("CommitValidity", "Consistency", "DecidedOrCoordinatorDown"),
                set().invariants().stream().map(i -> i.name()).toList());
    }

    @Test
    void goodExampleTracesPass() {
        for (String f : new String[] {"good-commit.ndjson", "good-abort.ndjson", "good-coordinator-recovery.ndjson"}) {
            ReplayResult r = replayFile(f);
            assertTrue(r.conforms(), f + ": " + r.failure());
        }
    }

    @Test
    void mixedDecisionFailsConsistencyWhereTheParticipantAborts() {
        ReplayResult r = replayFile("bad-mixed-decision.ndjson");
        assertEquals("Consistency", r.failure().invariant(), String.valueOf(r.failure()));
        assertEquals(21, r.failure().event());
        assertEquals(22, r.failure().line());
    }

    @Test
    void commitAfterANoVoteFailsCommitValidityAtTheCommit() {
        ReplayResult r = replayFile("bad-commit-without-yes.ndjson");
        assertEquals("CommitValidity", r.failure().invariant(), String.valueOf(r.failure()));
        assertEquals(13, r.failure().event());
    }

    @Test
    void participantsDisagreeingFailConsistencyWithoutTheCoordinator() {
        Trace t = new Trace().tm("TMPrepare", "waiting").rm(2, "RMVoteYes", "prepared").vote(2, true)
                .rm(3, "RMVoteYes", "prepared").vote(3, true).rm(2, "RMRcvDecision", "committed")
                .rm(3, "RMRestart", "aborted");
        ReplayResult r = replay(t.events);
        assertEquals("Consistency", r.failure().invariant());
        assertEquals(7, r.failure().event());
    }

    @Test
    void coordinatorAbortAndParticipantCommitFailConsistency() {
        Trace t = new Trace().tm("TMPrepare", "waiting").rm(2, "RMVoteYes", "prepared").vote(2, true)
                .rm(3, "RMVoteYes", "prepared").vote(3, true).tm("TMAbort", "aborted")
                .rm(2, "RMRcvDecision", "committed");
        assertEquals("Consistency", replay(t.events).failure().invariant());
    }

    @Test
    void participantCommittingWithoutAnyVoteFailsCommitValidity() {
        Trace t = new Trace().tm("TMPrepare", "waiting").rm(2, "RMVoteYes", "prepared").vote(2, true)
                .rm(2, "RMRcvDecision", "committed");
        ReplayResult r = replay(t.events);
        assertEquals("CommitValidity", r.failure().invariant());
        assertEquals(4, r.failure().event());
    }

    @Test
    void yesVotesCountedFromTheSendsAloneSuffice() {
        // Another implementation may not record RMVoteYes; its Vote sends are enough.
        Trace t = new Trace().tm("TMPrepare", "waiting").vote(2, true).vote(3, true).tm("TMCommit", "committed");
        assertTrue(replay(t.events).conforms());
        Trace noVote = new Trace().tm("TMPrepare", "waiting").vote(2, true).vote(3, false).tm("TMCommit", "committed");
        assertEquals("CommitValidity", replay(noVote.events).failure().invariant());
    }

    @Test
    void runWhereNothingWasDecidedConformsAndSaysSoInItsCoverage() {
        Trace t = new Trace().tm("TMPrepare", "waiting").rm(2, "RMVoteYes", "prepared").vote(2, true);
        ReplayResult r = replay(t.events);
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        assertEquals(List.of("DecidedOrCoordinatorDown"), r.coverage().unreached());
    }

    @Test
    void coordinatorCrashedForEverIsReportedAsBlockingNotAsAFailure() {
        Trace t = new Trace().tm("TMPrepare", "waiting").crash(1).rm(2, "RMVoteYes", "prepared").vote(2, true)
                .rm(3, "RMVoteYes", "prepared").vote(3, true).rm(2, "RMAsk", "prepared");
        assertTrue(replay(t.events).conforms());
        TwoPhaseTraceState end = new TwoPhaseBatch().add(EventSource.of(HEADER, t.events));
        String note = end.blocking().orElseThrow();
        assertTrue(note.contains("participants [2, 3]") && note.contains("coordinator 1 is down"), note);
    }

    @Test
    void decidedRunIsNotBlocked() {
        try (TraceReader r = TraceReader.open(TRACES.resolve("good-coordinator-recovery.ndjson"))) {
            TwoPhaseTraceState end = new TwoPhaseBatch().add(EventSource.of(r));
            assertTrue(end.blocking().isEmpty(), end.blocking().orElse(""));
            assertTrue(end.aborted() && !end.committed(), end.toString());
        }
    }

    @Test
    void badStateValueIsAFoldFailure() {
        Trace t = new Trace().tm("TMPrepare", "waiting").rm(2, "RMVoteYes", "ready");
        ReplayResult r = replay(t.events);
        assertNull(r.failure().invariant());
        assertTrue(r.failure().message().contains("rmState = ready"), r.failure().message());
    }

    @Test
    void batchNeedsACommitAndAnAbort() {
        TwoPhaseBatch b = new TwoPhaseBatch();
        assertFalse(b.passed());
        add(b, "good-commit.ndjson");
        assertFalse(b.passed());
        assertEquals(List.of(true, false), b.verdicts().stream().map(ReplayResult.InvariantVerdict::passed).toList());
        assertTrue(b.verdicts().get(1).detail().contains("AbortHappened never held in 1 runs"));
        add(b, "good-abort.ndjson");
        assertTrue(b.passed(), b.summary());
        assertEquals("2 runs: 1 committed, 1 aborted, 0 blocked", b.summary());

        TwoPhaseBatch onlyAborts = new TwoPhaseBatch();
        add(onlyAborts, "good-abort.ndjson");
        add(onlyAborts, "good-coordinator-recovery.ndjson");
        assertEquals(List.of(false, true), onlyAborts.verdicts().stream().map(ReplayResult.InvariantVerdict::passed).toList());
    }

    private static void add(TwoPhaseBatch b, String file) {
        try (TraceReader r = TraceReader.open(TRACES.resolve(file))) {
            b.add(EventSource.of(r));
        }
    }
}
