package dev.conform.conformance;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * The hand-written traces of specs/raft/traces, judged by TLC (TraceRaft, Flaw = "None") and by
 * the Java invariants. TLC rejects a bad trace at the first event no spec step matches (the flawed
 * step itself); the Java invariants, which see only recorded states, reject it at the first event
 * after which a safety property is false (the flaw's consequence), as specs/raft/traces/README.md
 * describes.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class RaftHandWrittenTracesTest {
    private static Path trace(String name) {
        return RaftRuns.specs().resolve("traces").resolve(name);
    }

    private static void assertDiverges(TlcValidation v, long event, String action, String conjunct) {
        assertEquals(TlcValidation.Outcome.DIVERGES, v.outcome(), v.message());
        assertNotNull(v.divergence(), v.message());
        assertEquals(event, v.divergence().event(), v.message());
        assertTrue(v.divergence().actions().stream()
                .anyMatch(a -> a.action().equals(action) && a.conjunct() != null && a.conjunct().contains(conjunct)),
            "expected " + action + " to fail at " + conjunct + ": " + v.divergence().actions());
    }

    private static void assertJavaRejects(ReplayResult r, String invariant, long event) {
        assertNotNull(r.failure(), "the Java invariants accepted a bad trace");
        assertEquals(invariant, r.failure().invariant(), r.failure().message());
        assertEquals(event, r.failure().event(), r.failure().message());
    }

    /** The Java replay of the spec's steps rejects the step TLC cannot match, at the same event. */
    private static void assertJavaRejectsStep(ReplayResult r, long event) {
        assertNotNull(r.failure(), "the Java replay accepted a bad trace");
        assertEquals(event, r.failure().event(), r.failure().message());
        assertTrue(r.failure().message().contains("cannot happen"), r.failure().message());
    }

    @Test
    void goodTraceConformsToBoth() {
        TlcValidation v = RaftRuns.tlcCheck(trace("good-elect-replicate-commit.ndjson"));
        assertTrue(v.conforms(), v.outcome() + ": " + v.message());
        assertEquals(39, v.events());
        ReplayResult r = RaftRuns.javaCheck(trace("good-elect-replicate-commit.ndjson"));
        assertTrue(r.conforms(), String.valueOf(r.failure()));
    }

    @Test
    void twoLeadersInOneTerm() {
        assertDiverges(RaftRuns.tlcCheck(trace("bad-two-leaders-one-term.ndjson")), 12, "IsHandleRequestVote",
            "HandleRequestVote");
        assertJavaRejectsStep(RaftRuns.javaCheck(trace("bad-two-leaders-one-term.ndjson")), 12);
    }

    @Test
    void oldTermEntryCommittedByCounting() {
        assertDiverges(RaftRuns.tlcCheck(trace("bad-commit-old-term.ndjson")), 55, "IsAdvanceCommitIndex",
            "AdvanceCommitIndex");
        assertJavaRejectsStep(RaftRuns.javaCheck(trace("bad-commit-old-term.ndjson")), 55);
    }

    @Test
    void appendAfterAMismatchedPreviousEntry() {
        assertDiverges(RaftRuns.tlcCheck(trace("bad-append-mismatched-prev.ndjson")), 50, "IsHandleAppendEntries",
            "HandleAppendEntries");
        assertJavaRejectsStep(RaftRuns.javaCheck(trace("bad-append-mismatched-prev.ndjson")), 50);
    }

    /**
     * With the flaw that lets the bad step through, the trace is matched on and TLC must name the
     * invariant the step breaks. Guards the trace-time forms of the invariants (TraceRaft.tla),
     * which must reject exactly what Raft.tla's invariants of the same names reject.
     */
    private static void assertViolatesWithFlaw(String trace, String flaw, String invariant, long event)
            throws IOException {
        Path dir = RaftRuns.specs();
        String cfg = Files.readString(dir.resolve("TraceRaft.cfg"));
        assertTrue(cfg.contains("Flaw = \"None\""), cfg);
        Path flawed = Files.createTempFile("TraceRaft" + flaw, ".cfg");
        try {
            Files.writeString(flawed, cfg.replace("Flaw = \"None\"", "Flaw = \"" + flaw + "\""));
            TlcValidation v = new TlcTraceValidator().validate(TraceValidationRequest.of(dir.resolve("TraceRaft.tla"),
                    trace(trace)).withConfig(flawed).withTimeout(Duration.ofMinutes(5)));
            assertEquals(TlcValidation.Outcome.INVARIANT_VIOLATED, v.outcome(), v.message());
            assertEquals(invariant, v.violatedInvariant(), v.message());
            assertEquals(event, v.violationEvent(), v.message());
        } finally {
            Files.deleteIfExists(flawed);
        }
    }

    /** Node 1 and node 3 agree at index 2 but not at index 1 after event 50. */
    @Test
    void logMatchingIsReportedByNameWhenTheFlawLetsTheBadAppendThrough() throws IOException {
        assertViolatesWithFlaw("bad-append-mismatched-prev.ndjson", "AppendWithoutPrevCheck", "LogMatching", 50);
    }

    /** Node 2 becomes the second leader of term 1 at the last event. */
    @Test
    void electionSafetyIsReportedByNameWhenTheFlawLetsTheSecondVoteThrough() throws IOException {
        assertViolatesWithFlaw("bad-two-leaders-one-term.ndjson", "VoteTwice", "ElectionSafety", JAVA_TWO_LEADERS);
    }

    /** Node 2 becomes the second leader of term 1 at the last event. */
    static final long JAVA_TWO_LEADERS = 19;
    /** Node 2 wins term 4 without entry 1, which node 1 committed (by counting) at event 55. */
    static final String JAVA_FIG8_INV = "LeaderCompleteness";
    static final long JAVA_FIG8 = 70;
}
