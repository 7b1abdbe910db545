package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcStatistics;
import dev.conform.checker.tlc.Verdict;
import dev.conform.checker.value.TlaValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The full-match classifier on canned TLC outputs: a match needs depth len + 1 AND the marker. */
class SegmentAnswerTest {
    static final String START = """
            @!@!@STARTMSG 2262:0 @!@!@
            TLC2 Version 2.18 of Day Month 20??
            @!@!@ENDMSG 2262 @!@!@
            @!@!@STARTMSG 2190:0 @!@!@
            Finished computing initial states: 1 distinct state generated.
            @!@!@ENDMSG 2190 @!@!@
            """;

    static String end(long depth) {
        return """
                @!@!@STARTMSG 2193:0 @!@!@
                Model checking completed. No error has been found.
                @!@!@ENDMSG 2193 @!@!@
                @!@!@STARTMSG 2194:0 @!@!@
                The depth of the complete state graph search is %d.
                @!@!@ENDMSG 2194 @!@!@
                """.formatted(depth);
    }

    static TlcResult run(Verdict v, Long depth, String output) {
        return new TlcResult(v, null, null, null, null, new TlcStatistics(depth, depth, 0L, depth), Duration.ZERO,
                "TLC2 Version 2.18", List.of("java"), 0, null, List.of(), output, null);
    }

    static SegmentAnswer read(Long depth, String printed, long len, boolean wantState) {
        return SegmentAnswer.read(run(Verdict.OK, depth, START + printed + end(depth == null ? 0 : depth)), len,
                wantState);
    }

    @Test
    void depthAndMarkerTogetherAreAMatch() {
        SegmentAnswer a = read(11L, "<<\"conform-end\", 11>>\n", 10, false);
        assertInstanceOf(SegmentAnswer.Matched.class, a);
    }

    @Test
    void theMarkerCarriesTheEndStatesWhenAnotherSegmentFollows() {
        String printed = """
                << "conform-end",
                   11,
                   [ count |-> <<1, 2>>,
                     chan |-> <<<<>>, <<[val |-> 3]>>>> ] >>
                << "conform-end", 11, [count |-> <<1, 2>>, chan |-> <<<<>>, <<[val |-> 3]>>>>] >>
                << "conform-end", 11, [count |-> <<2, 2>>, chan |-> <<<<>>, <<>>>>] >>
                """;
        SegmentAnswer a = read(11L, printed, 10, true);
        SegmentAnswer.Matched m = assertInstanceOf(SegmentAnswer.Matched.class, a);
        assertEquals(2, m.endStates().size(), "the same end state printed twice counts once");
        Map<String, TlaValue> first = m.endStates().get(0);
        assertEquals("<<1, 2>>", first.get("count").toTla());
        assertEquals(List.of("count", "chan"), List.copyOf(first.keySet()));
    }

    @Test
    void fullDepthWithoutTheMarkerFailsClosed() {
        // inside the trace (a segment that must print its end states) the marker cannot be missing
        SegmentAnswer a = read(11L, "", 10, true);
        assertTrue(assertInstanceOf(SegmentAnswer.Unreadable.class, a).reason().contains("marker is missing"));
    }

    @Test
    void fullDepthWithoutTheMarkerOnTheLastSegmentIsAFailedEndCondition() {
        // the marker is printed only where TraceEndCondition holds: every event matched, no end
        assertInstanceOf(SegmentAnswer.EndConditionFails.class, read(11L, "", 10, false));
    }

    @Test
    void aMarkerWithAShortDepthFailsClosed() {
        SegmentAnswer a = read(7L, "<<\"conform-end\", 11>>\n", 10, false);
        assertTrue(assertInstanceOf(SegmentAnswer.Unreadable.class, a).reason().contains("short of"));
    }

    @Test
    void aMarkerAtAnotherStepFailsClosed() {
        SegmentAnswer a = read(11L, "<<\"conform-end\", 5>>\n", 10, false);
        assertTrue(assertInstanceOf(SegmentAnswer.Unreadable.class, a).reason().contains("l = 5"));
    }

    @Test
    void aMarkerWithoutTheWantedStateFailsClosed() {
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(11L, "<<\"conform-end\", 11>>\n", 10, true));
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(11L, "<<\"conform-end\", 11, 3>>\n", 10, true));
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(11L, "<<\"conform-end\", 11, [x |-> 1]>>\n", 10, false));
    }

    @Test
    void anUnreadableMarkerFailsClosed() {
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(11L, "<<\"conform-end\", 11, [x |-> >>\n", 10, true));
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(11L, "<<\"conform-end\", 11\n", 10, false));
    }

    @Test
    void aDepthBeyondTheSegmentOrMissingFailsClosed() {
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(12L, "<<\"conform-end\", 11>>\n", 10, false));
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(0L, "", 10, false));
        assertInstanceOf(SegmentAnswer.Unreadable.class, read(null, "<<\"conform-end\", 11>>\n", 10, false));
    }

    @Test
    void aShortDepthWithoutMarkerIsADivergenceAtThatEvent() {
        SegmentAnswer a = read(4L, "", 10, false);
        assertEquals(4, assertInstanceOf(SegmentAnswer.Diverged.class, a).depth());
    }

    @Test
    void aMarkerInsideAFramedMessageDoesNotCount() {
        // e.g. a trace value that looks like a marker, printed inside an error message or state
        String framed = "@!@!@STARTMSG 1000:1 @!@!@\n<<\"conform-end\", 11>>\n@!@!@ENDMSG 1000 @!@!@\n";
        SegmentAnswer a = read(11L, framed, 10, true);
        assertTrue(assertInstanceOf(SegmentAnswer.Unreadable.class, a).reason().contains("marker is missing"));
        assertInstanceOf(SegmentAnswer.EndConditionFails.class, read(11L, framed, 10, false));
    }

    @Test
    void anythingButAFinishedSearchIsNotAMatch() {
        for (Verdict v : new Verdict[] {Verdict.TIMEOUT, Verdict.TLC_CRASH, Verdict.INVARIANT_VIOLATED}) {
            SegmentAnswer a = SegmentAnswer.read(run(v, 11L, START + "<<\"conform-end\", 11>>\n" + end(11)), 10, false);
            assertInstanceOf(SegmentAnswer.Unreadable.class, a, v.name());
        }
    }
}
