package dev.conform.runtime.byzantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.nemesis.ByzantineFaults;
import dev.conform.runtime.nemesis.DiskLoss;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.shrink.ShrinkResult;
import dev.conform.runtime.shrink.Shrinker;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.tracing.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShrinkerByzantineTest {
    private static final List<Integer> SEVEN = List.of(1, 2, 3, 4, 5, 6, 7);

    /** The "failure": some server counted a negative vote (only a lying Byzantine server sends one). */
    static boolean heardALie(Scenario s) {
        ListSink sink = new ListSink();
        s.simulate(sink);
        return !sink.where(e -> e.kind() == EventKind.SEND && ((Tally.Vote) e.msg().body()).value() < 0
                && sink.where(d -> d.kind() == EventKind.DELIVER && d.msg().id() == e.msg().id()).size() > 0).isEmpty();
    }

    @Test
    void shrinksAChaosPlanToOneByzantineServerThatOnlyLies() {
        Tally tally = new Tally();
        ByzantineFaults faults = ByzantineFaults.of(tally, SEVEN, dev.conform.runtime.Options.empty());
        assertEquals(new ByzantineFaults(2, List.of("echo", "lie", "silence")), faults);
        Scenario failing = null;
        for (long seed = 1; seed < 300 && failing == null; seed++) {
            FaultPlan plan = PlanGenerator.generate(seed, SEVEN, 40, Intensity.HIGH, DiskLoss.NONE, faults);
            long liars = plan.events().stream().filter(e -> e instanceof FaultEvent.Byzantine b
                    && b.behaviours().size() >= 2 && b.behaviours().contains("lie")).count();
            Scenario s = new Scenario(tally, SimConfig.of(7, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(2_000), plan);
            if (liars == 2 && plan.size() >= 6 && heardALie(s)) {
                failing = s;
            }
        }
        assertNotNull(failing, "some chaos run has two Byzantine liars with more behaviours");

        ShrinkResult r = new Shrinker(ShrinkerByzantineTest::heardALie).shrink(failing);
        List<FaultEvent> events = r.minimal().plan().events();
        assertEquals(1, events.size(), "one Byzantine server is enough: " + events);
        FaultEvent.Byzantine b = (FaultEvent.Byzantine) events.get(0);
        assertEquals(List.of("lie"), b.behaviours(), "and lying is the one behaviour it needs");
        assertTrue(heardALie(r.minimal()));
    }
}
