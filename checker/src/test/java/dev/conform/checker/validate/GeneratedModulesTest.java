package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedModulesTest {
    private static final TraceSpecSource.ActionShape INC = new TraceSpecSource.ActionShape("IsInc", "e",
            List.of(List.of("    /\\ IsAction(e, \"Inc\")"), List.of("    /\\ Inc(e.node)")));

    @Test
    void diagnosisReportsAndPrintsTheStateFromAConstraintNotAnInvariant() {
        String m = GeneratedModules.diagModule("TraceX", "TraceInit", List.of(INC), List.of("count", "l", "chan"), 7);
        assertTrue(m.contains("ConformP_1_1(e) ==\n    /\\ IsAction(e, \"Inc\")\n"), m);
        assertTrue(m.contains("ConformP_1_2(e) ==\n    /\\ IsAction(e, \"Inc\")\n    /\\ Inc(e.node)\n"), m);
        assertTrue(m.contains("PrintT(<<\"conform-diag\", 1, 2, ENABLED ConformP_1_2(CurrentEvent)>>)"), m);
        assertTrue(m.contains(GeneratedModules.DIAG_STOP + " ==\n    l = 7 =>\n"), m);
        assertTrue(m.contains("PrintT(<<\"conform-diag-state\", [count |-> count, chan |-> chan]>>)"), m);
        // A violated invariant would make TLC print the whole behaviour up to event k.
        assertFalse(m.contains("~ConformReport"), m);
        String cfg = new TraceConfig("TraceInit", "TraceNext", List.of("Safety"), "")
                .render("ConformInit", "TraceNext", List.of(), List.of(GeneratedModules.DIAG_STOP));
        assertTrue(cfg.contains("CONSTRAINT " + GeneratedModules.DIAG_STOP + "\n"), cfg);
        assertFalse(cfg.contains("INVARIANT"), cfg);
    }

    @Test
    void aSpecWithoutVariablesPrintsAnEmptyTupleNotAnInvalidRecord() {
        String m = GeneratedModules.diagModule("TraceX", "TraceInit", List.of(INC), List.of("l"), 1);
        assertTrue(m.contains("PrintT(<<\"conform-diag-state\", <<>>>>)"), m);
    }

    @Test
    void invariantsAreConstraintsThatPrintTheViolatingStateAndPruneIt() {
        String m = GeneratedModules.traceModule("TraceX", "TraceInit", List.of("count", "l"), false,
                List.of("Safety", "Bound"));
        assertTrue(m.contains(GeneratedModules.invariantCheck(0) + " ==\n    \\/ Safety\n"
                + "    \\/ /\\ PrintT(<<\"conform-violation\", \"Safety\", l, [count |-> count]>>)\n       /\\ FALSE\n"), m);
        assertTrue(m.contains(GeneratedModules.invariantCheck(1) + " ==\n    \\/ Bound\n"), m);
    }
}
