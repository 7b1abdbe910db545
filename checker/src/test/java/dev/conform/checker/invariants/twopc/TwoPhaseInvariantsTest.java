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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two-phase commit replay and invariants on the example traces of specs/twopc/traces and on small made-up traces. */
class TwoPhaseInvariantsTest {
    static final Path TRACES = Path.of("../specs/twopc/traces");
    static final TraceHeader HEADER = new TraceHeader(1, "twopc", List.of(1, 2, 3), 1L,
            Map.of("unplanned", List.of("crash", "restart")), "test", Map.of(),
            roles(Map.of("coordinator", List.of(1), "participant", List.of(2, 3))));

    static Map<String, List<Integer>> roles(Map<String, List<Integer>> m) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        out.put("coordinator", m.get("coordinator"));
        out.put("participant", m.get("participant"));
        return out;
    }

    static InvariantSet<?> set() {
        return InvariantRegistry.find("twopc").orElseThrow();
    }

    static ReplayResult replayFile(String file) {
        try (TraceReader r = TraceReader.open(TRACES.resolve(file))) {
            return new ReplayEngine().replay(EventSource.of(r), set());
        }
    }

    static ReplayResult replay(TraceHeader h, List<TraceEvent> events) {
        return new ReplayEngine().replay(EventSource.of(h, events), set());
    }

    /** A tiny trace builder: seq numbers in order, no clocks, message ids counted from 1. */
    static final class Trace {
        final List<TraceEvent> events = new ArrayList<>();
        final Map<Long, TraceMessage> sent = new HashMap<>();

        Trace tm(String action, String tmState, List<Integer> prepared) {
            return add(1, EventKind.ACTION, action, null,
                    Map.of("tmState", tmState, "tmPrepared", prepared, "tmAcked", List.of()));
        }

        Trace rm(int node, String action, String rmState) {
            return add(node, EventKind.ACTION, action, null, Map.of("rmState", rmState));
        }

        Trace send(int from, int to, String type, Map<String, Object> body) {
            TraceMessage m = new TraceMessage(sent.size() + 1, from, to, type, body);
            sent.put(m.id(), m);
            return add(from, EventKind.SEND, null, m, null);
        }

        Trace deliver(long id) {
            TraceMessage m = sent.get(id);
            return add(m.to(), EventKind.DELIVER, null, m, null);
        }

        Trace drop(long id) {
            TraceMessage m = sent.get(id);
            return add(m.to(), EventKind.DROP, null, m, null);
        }

        Trace crash(int node) {
            return add(node, EventKind.CRASH, null, null, null);
        }

        private Trace add(int node, EventKind kind, String action, TraceMessage m, Object state) {
            events.add(new TraceEvent(events.size(), node, kind, action, m, state, -1, null));
            return this;
        }
    }

    /** The coordinator prepares, participant 2 votes yes, and the coordinator counts it. */
    static Trace prepared() {
        return new Trace().tm("TMPrepare", "waiting", List.of())
                .send(1, 2, "Prepare", null).send(1, 3, "Prepare", null)
                .deliver(1).rm(2, "RMVoteYes", "prepared").send(2, 1, "Vote", Map.of("yes", true))
                .deliver(3).tm("TMRcvVote", "waiting", List.of(2));
    }

    @Test
    void registeredUnderTwopcWithAHandlerForEveryMessageType() {
        assertEquals("twopc", set().algorithm());
        assertEquals(List.of("Ack", "ClientReply", "ClientRequest", "Decision", "DecisionRequest", "Prepare", "Vote"),
                set().consumers().values().stream().flatMap(java.util.Set::stream).distinct().sorted().toList());
    }

    @Test
    void goodExampleTracesPass() {
        for (String f : List.of("good-commit.ndjson", "good-abort.ndjson", "good-coordinator-recovery.ndjson")) {
            ReplayResult r = replayFile(f);
            assertTrue(r.conforms(), f + ": " + r.failure());
        }
    }

    @Test
    void participantAbortingOnACommitDecisionIsRejectedWhereItRecordsIt() {
        ReplayResult r = replayFile("bad-mixed-decision.ndjson");
        assertEquals(22, r.failure().event());
        assertTrue(r.failure().message().contains("records rmState = aborted, but the spec's RMRcvDecision leaves it committed"),
                r.failure().message());
    }

    @Test
    void commitAfterANoVoteIsRejectedAtTheCommit() {
        ReplayResult r = replayFile("bad-commit-without-yes.ndjson");
        assertEquals(16, r.failure().event());
        assertTrue(r.failure().message().contains("TMCommit needs every participant's yes vote"), r.failure().message());
    }

    @Test
    void aSmallTraceConformsAndAnActionWithoutItsSendsDoesNot() {
        ReplayResult ok = replay(HEADER, prepared().events);
        assertTrue(ok.conforms(), String.valueOf(ok.failure()));
        assertEquals(List.of("DecidedOrCoordinatorDown"), ok.coverage().unreached());
        Trace t = new Trace().tm("TMPrepare", "waiting", List.of()).send(1, 2, "Prepare", null);
        ReplayResult r = replay(HEADER, t.events);
        assertEquals("TwoPhaseTraceEnd", r.failure().invariant(), r.failure().message());
    }

    @Test
    void aSendNoActionMadeIsRejected() {
        Trace t = prepared().send(2, 1, "Vote", Map.of("yes", true));
        ReplayResult r = replay(HEADER, t.events);
        assertEquals(t.events.size(), r.failure().event());
        assertTrue(r.failure().message().contains("which no recorded action made"), r.failure().message());
    }

    @Test
    void invariantsAsInTheSpec() {
        TwoPhaseTraceState s = new TwoPhaseTraceState(1, List.of(2, 3), List.of(101), false, null);
        assertTrue(s.consistent() && s.commitValid() && s.reportsFollowDecision());
        s.rmState.put(2, "committed");
        assertFalse(s.reportsFollowDecision(), "a participant committed before the coordinator did");
        assertFalse(s.commitValid(), "no yes votes");
        s.rmState.put(3, "aborted");
        assertFalse(s.consistent());
        s.rmState.put(2, "working");
        s.rmState.put(3, "working");
        s.tmState = "aborted";
        s.clientOutcome.put(101, "committed");
        assertFalse(s.reportsFollowDecision(), "the client was told commit, the coordinator aborted");
        s.clientOutcome.put(101, "aborted");
        assertTrue(s.reportsFollowDecision());
    }

    @Test
    void coordinatorCrashedForEverIsReportedAsBlockingNotAsAFailure() {
        Trace t = new Trace().tm("TMPrepare", "waiting", List.of())
                .send(1, 2, "Prepare", null).send(1, 3, "Prepare", null).crash(1)
                .deliver(1).rm(2, "RMVoteYes", "prepared").send(2, 1, "Vote", Map.of("yes", true)).drop(3);
        ReplayResult r = replay(HEADER, t.events);
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        TwoPhaseTraceState end = new TwoPhaseBatch().add(EventSource.of(HEADER, t.events));
        String note = end.blocking().orElseThrow();
        assertTrue(note.contains("participant [2]") && note.contains("coordinator 1 is down"), note);
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
        Trace t = new Trace().tm("TMPrepare", "waiting", List.of())
                .send(1, 2, "Prepare", null).send(1, 3, "Prepare", null).deliver(1).rm(2, "RMVoteYes", "ready");
        ReplayResult r = replay(HEADER, t.events);
        assertNull(r.failure().invariant());
        assertTrue(r.failure().message().contains("rmState = ready"), r.failure().message());
    }

    @Test
    void aHeaderWithoutTheRolesOfTwoPhaseCommitIsRejected() {
        TraceHeader noRoles = new TraceHeader(1, "twopc", List.of(1, 2, 3), 1L, null, "test", Map.of());
        ReplayResult r = replay(noRoles, prepared().events);
        assertEquals(1, r.failure().event());
        assertTrue(r.failure().message().contains("role \"coordinator\""), r.failure().message());
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
