package dev.conform.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.cli.UserError;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.StopReason;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The eventual-progress rule of chaos runs, and how gate.json declares it. */
class ProgressSettingsTest {
    private static final ProgressSettings RULE = new ProgressSettings("EventualDelivery", 100);
    /** Crash at 10, restart at 60, partition at 20 healed at 250: the last fault is at tick 250. */
    private static final FaultPlan PLAN = FaultPlan.of(new FaultEvent.Crash(10, 1), new FaultEvent.Restart(60, 1),
            new FaultEvent.Isolate(20, 2), new FaultEvent.Heal(250));

    private static RunResult ended(StopReason reason, long time) {
        return new RunResult(reason, 500, 100, 120, 20, time);
    }

    @Test
    void theLastFaultIsTheLatestEventOfThePlan() {
        assertEquals(250, ProgressSettings.lastFault(PLAN));
        assertEquals(0, ProgressSettings.lastFault(FaultPlan.none()));
    }

    @Test
    void reachingTheStopConditionByTheDeadlinePasses() {
        assertNull(RULE.violation(PLAN, ended(StopReason.STOP_CONDITION, 350)), "exactly at the deadline");
        assertNull(RULE.violation(PLAN, ended(StopReason.STOP_CONDITION, 40)), "before the faults ended");
        assertNull(RULE.violation(FaultPlan.none(), ended(StopReason.STOP_CONDITION, 100)));
    }

    @Test
    void reachingItLaterFailsNamingTheProperty() {
        String m = RULE.violation(PLAN, ended(StopReason.STOP_CONDITION, 351));
        assertEquals("EventualDelivery violated: no progress within 100 ticks of the last fault (tick 250, so by tick 350):"
                + " the run reached its stop condition only at tick 351", m);
        assertTrue(RULE.violation(FaultPlan.none(), ended(StopReason.STOP_CONDITION, 101)).contains("(tick 0, so by tick 100)"));
    }

    @Test
    void everyOtherEndFailsWhateverItsTime() {
        for (StopReason r : List.of(StopReason.QUIESCENT, StopReason.STEP_BUDGET, StopReason.TIME_BUDGET)) {
            for (long t : new long[] {30, 350, 9000}) {
                String m = RULE.violation(PLAN, ended(r, t));
                assertTrue(m != null && m.startsWith("EventualDelivery violated: ") && m.contains("tick " + t), r + " " + m);
            }
        }
        assertTrue(RULE.violation(PLAN, ended(StopReason.QUIESCENT, 300)).endsWith(
                "stopped at tick 300 with nothing left to happen, its stop condition unreached"));
        assertTrue(RULE.violation(PLAN, ended(StopReason.STEP_BUDGET, 9000)).endsWith(
                "spent its step budget (500 steps) at tick 9000 without reaching its stop condition"));
    }

    @Test
    void gateJsonDeclaresItOrNot() throws Exception {
        Path f = Path.of("gate.json");
        ObjectMapper json = new ObjectMapper();
        assertNull(ProgressSettings.read(f, null));
        assertEquals(new ProgressSettings("EveryoneDecides", 400),
                ProgressSettings.read(f, json.readTree("{\"property\": \"EveryoneDecides\", \"within\": 400}")));
        for (String bad : List.of("[]", "{\"within\": 400}", "{\"property\": \"\", \"within\": 4}",
                "{\"property\": \"Live\"}", "{\"property\": \"Live\", \"within\": 0}", "{\"property\": \"Live\", \"within\": \"9\"}",
                "{\"property\": \"Live\", \"within\": 1.5}", "{\"property\": \"Live\", \"within\": 9, \"steps\": 9}")) {
            UserError e = assertThrows(UserError.class, () -> ProgressSettings.read(f, json.readTree(bad)), bad);
            assertTrue(e.getMessage().startsWith("gate.json: \"progress\""), e.getMessage());
        }
    }
}
