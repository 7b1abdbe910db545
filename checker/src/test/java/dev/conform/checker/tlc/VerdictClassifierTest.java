package dev.conform.checker.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Classification of synthetic TLC outputs, especially the fail-closed cases real TLC rarely shows. */
class VerdictClassifierTest {

    private static String msg(int code, int type, String text) {
        return "@!@!@STARTMSG " + code + ":" + type + " @!@!@\n" + text + "\n@!@!@ENDMSG " + code + " @!@!@\n";
    }

    private static final String SUCCESS = msg(2193, 0, "Model checking completed. No error has been found.");
    private static final String STATS = msg(2199, 0, "11 states generated, 6 distinct states found, 0 states left on queue.");
    private static final String FINISHED = msg(2186, 0, "Finished in 737ms at (2026-11-25 18:35:24)");

    private static VerdictClassifier.Classification classify(String output, Integer exit) {
        TlcOutputParser p = new TlcOutputParser();
        output.lines().forEach(p::accept);
        return VerdictClassifier.classify(p, exit, false, List.of());
    }

    @Test
    void okNeedsSuccessStatsFinishAndExitZero() {
        assertEquals(Verdict.OK, classify(SUCCESS + STATS + FINISHED, 0).verdict());
        assertEquals(Verdict.TLC_CRASH, classify(SUCCESS + STATS, 0).verdict());
        assertEquals(Verdict.TLC_CRASH, classify(SUCCESS + FINISHED, 0).verdict());
        assertEquals(Verdict.TLC_CRASH, classify(STATS + FINISHED, 0).verdict());
        assertEquals(Verdict.TLC_CRASH, classify(SUCCESS + STATS + FINISHED, 12).verdict());
        assertEquals(Verdict.TLC_CRASH, classify("", 0).verdict());
    }

    /** A -simulate run prints neither the success message nor statistics; the rest still holds. */
    @Test
    void simulationOkNeedsFinishExitZeroAndNoError() {
        assertEquals(Verdict.OK, simulation(FINISHED, 0).verdict());
        assertEquals(Verdict.TLC_CRASH, simulation("", 0).verdict());
        assertEquals(Verdict.TLC_CRASH, simulation(FINISHED, 1).verdict());
        assertEquals(Verdict.TLC_CRASH, simulation(msg(2999, 1, "Something new.") + FINISHED, 0).verdict());
        assertEquals(Verdict.INVARIANT_VIOLATED, simulation(msg(2110, 1, "Invariant Safe is violated.") + FINISHED, 12)
                .verdict());
        assertEquals(Verdict.TLC_CRASH, classify(FINISHED, 0).verdict(), "a model check still needs its success message");
    }

    private static VerdictClassifier.Classification simulation(String output, Integer exit) {
        TlcOutputParser p = new TlcOutputParser();
        output.lines().forEach(p::accept);
        return VerdictClassifier.classify(p, exit, false, List.of(), false, true);
    }

    @Test
    void exitCodeDisagreeingWithMessagesIsToolFailure() {
        String violation = msg(2110, 1, "Invariant Safe is violated.") + STATS + FINISHED;
        assertEquals(Verdict.INVARIANT_VIOLATED, classify(violation, 12).verdict());
        assertEquals("Safe", classify(violation, 12).name());
        VerdictClassifier.Classification c = classify(violation, 0);
        assertEquals(Verdict.TLC_CRASH, c.verdict());
        assertTrue(c.message().contains("disagrees"), c.message());
        assertEquals(Verdict.TLC_CRASH, classify(msg(2114, 1, "Deadlock reached.") + FINISHED, 12).verdict());
    }

    @Test
    void violationWithoutFinishIsToolFailure() {
        assertEquals(Verdict.TLC_CRASH, classify(msg(2114, 1, "Deadlock reached."), 11).verdict());
    }

    @Test
    void unknownErrorMessageIsNeverOk() {
        assertEquals(Verdict.TLC_CRASH, classify(msg(2999, 1, "Something new.") + SUCCESS + STATS + FINISHED, 0)
                .verdict());
        assertEquals(Verdict.TLC_CRASH, classify(msg(2999, 2, "Bug.") + FINISHED, 255).verdict());
    }

    @Test
    void outOfMemoryWins() {
        assertEquals(Verdict.OUT_OF_MEMORY, classify(msg(1001, 1, "Java ran out of memory."), 153).verdict());
        assertEquals(Verdict.OUT_OF_MEMORY,
                classify("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space", 1).verdict());
    }

    @Test
    void truncatedFrameIsNeverOk() {
        String open = "@!@!@STARTMSG 2200:0 @!@!@\nProgress(3) at ...";
        assertEquals(Verdict.TLC_CRASH, classify(SUCCESS + STATS + FINISHED + open, 0).verdict());
    }

    @Test
    void nestedFramesKeepStartOrderAndDepth() {
        TlcOutputParser p = new TlcOutputParser();
        ("@!@!@STARTMSG 2111:1 @!@!@\nEvaluating invariant Bad failed.\n" + msg(2154, 0, "cannot cast")
                + "@!@!@ENDMSG 2111 @!@!@\n").lines().forEach(p::accept);
        List<TlcMessage> ms = p.messages();
        assertEquals(List.of(new TlcMessage(2111, 1, "Evaluating invariant Bad failed.", 0),
                new TlcMessage(2154, 0, "cannot cast", 1)), ms);
        VerdictClassifier.Classification c = VerdictClassifier.classify(p, 76, false, List.of());
        assertEquals(Verdict.EVALUATION_ERROR, c.verdict());
        assertTrue(c.message().contains("cannot cast"), c.message());
    }

    @Test
    void configuredPropertyNamesTemporalViolation() {
        TlcOutputParser p = new TlcOutputParser();
        (msg(2116, 1, "Temporal properties were violated.") + STATS + FINISHED).lines().forEach(p::accept);
        assertEquals("Live", VerdictClassifier.classify(p, 13, false, List.of("Live")).name());
        assertEquals(null, VerdictClassifier.classify(p, 13, false, List.of("A", "B")).name());
    }
}
