package dev.conform.runtime.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShrinkerTest {
    @TempDir
    Path dir;

    /** The property under test: no node's recorded value ever decreases. */
    static boolean valueWentBack(Scenario s) {
        ListSink sink = new ListSink();
        s.simulate(sink);
        Map<Integer, Integer> last = new HashMap<>();
        for (TraceEvent e : sink.of(EventKind.ACTION)) {
            int v = ((Number) ((Map<?, ?>) e.state()).get("value")).intValue();
            Integer prev = last.put(e.node(), v);
            if (prev != null && v < prev) {
                return true;
            }
        }
        return false;
    }

    private static Scenario scenario(long seed, FaultPlan plan) {
        SimConfig cfg = SimConfig.of(4, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(3_000);
        return new Scenario(new ForgetfulRegister(), cfg, plan);
    }

    @Test
    void shrinksARandomChaosPlanToACrashAndARestart() throws Exception {
        Scenario failing = null;
        for (long seed = 1; seed < 50 && failing == null; seed++) {
            FaultPlan plan = PlanGenerator.generate(seed, List.of(1, 2, 3, 4), 400, Intensity.HIGH);
            Scenario s = scenario(seed, plan);
            if (plan.size() >= 10 && valueWentBack(s)) {
                failing = s;
            }
        }
        assertNotNull(failing, "some chaos run exposes the bug");

        ShrinkResult r = new Shrinker(ShrinkerTest::valueWentBack).shrink(failing);
        List<FaultEvent> events = r.minimal().plan().events();
        assertTrue(events.size() <= 2, "minimal plan: " + events);
        assertTrue(events.size() >= 1);
        assertTrue(events.get(0) instanceof FaultEvent.Crash, "starts with a crash: " + events);
        assertTrue(events.get(events.size() - 1) instanceof FaultEvent.Restart, "ends with a restart: " + events);
        assertTrue(r.minimal().config().maxSteps() < failing.config().maxSteps());

        assertTrue(valueWentBack(r.minimal()), "the minimal case fails");
        for (int i = 0; i < events.size(); i++) {
            List<FaultEvent> fewer = new ArrayList<>(events);
            fewer.remove(i);
            assertFalse(valueWentBack(r.minimal().withPlan(new FaultPlan(fewer))), "1-minimal");
        }
        assertFalse(valueWentBack(r.minimal().withMaxSteps(r.minimal().config().maxSteps() - 1)),
                "no shorter budget fails");

        Path planFile = dir.resolve("minimal.json");
        String cmd = r.writeReplay(planFile);
        assertEquals(r.minimal().plan(), FaultPlans.read(planFile));
        assertTrue(cmd.startsWith("conform run forgetful-register --seed " + failing.config().seed()
                + " --plan " + planFile + " --steps " + r.minimal().config().maxSteps()), cmd);
        assertTrue(cmd.contains("--net unreliable"), cmd);
        assertTrue(Files.size(planFile) > 0);
    }

    @Test
    void refusesAScenarioThatPasses() {
        Scenario fine = scenario(1, FaultPlan.none());
        assertFalse(valueWentBack(fine));
        assertThrows(IllegalArgumentException.class, () -> new Shrinker(ShrinkerTest::valueWentBack).shrink(fine));
    }
}
