package dev.conform.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.broadcast.BroadcastAlgorithm;
import dev.conform.runtime.JsonBytesSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private static byte[] run(long seed, FaultPlan plan, NetSemantics net) {
        SimConfig cfg = SimConfig.of(5, seed).withNet(net).withMaxSteps(20_000)
                .withOptions(Options.empty().with("count", 6));
        JsonBytesSink sink = new JsonBytesSink();
        new Simulator<>(new BroadcastAlgorithm(), cfg, plan, sink).run();
        return sink.bytes();
    }

    @Test
    void sameSeedAndPlanGiveIdenticalBytes() {
        for (NetSemantics net : NetSemantics.values()) {
            FaultPlan plan = PlanGenerator.generate(7, List.of(1, 2, 3, 4, 5), 300, Intensity.MEDIUM);
            assertTrue(plan.size() > 0);
            byte[] a = run(42, plan, net);
            byte[] b = run(42, plan, net);
            assertTrue(a.length > 10_000, "trace has substance");
            assertArrayEquals(a, b, "same seed and plan must replay byte for byte under " + net);
        }
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        FaultPlan plan = FaultPlan.none();
        assertFalse(Arrays.equals(run(1, plan, NetSemantics.UNRELIABLE), run(2, plan, NetSemantics.UNRELIABLE)));
    }

    @Test
    void generatedPlansAreDeterministic() {
        List<Integer> s = List.of(1, 2, 3);
        assertEquals(PlanGenerator.generate(5, s, 1000, Intensity.HIGH), PlanGenerator.generate(5, s, 1000, Intensity.HIGH));
        assertFalse(PlanGenerator.generate(5, s, 1000, Intensity.HIGH)
                .equals(PlanGenerator.generate(6, s, 1000, Intensity.HIGH)));
    }
}
