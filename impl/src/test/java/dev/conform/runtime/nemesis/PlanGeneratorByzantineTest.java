package dev.conform.runtime.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Options;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanGeneratorByzantineTest {
    private static final List<Integer> SEVEN = List.of(1, 2, 3, 4, 5, 6, 7);
    private static final List<String> KINDS = List.of("equivocate", "replay", "silence");

    @Test
    void withoutToleranceThePlanIsThePlanWithoutByzantineServers() {
        for (long seed = 0; seed < 30; seed++) {
            assertEquals(PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH),
                    PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH, DiskLoss.NONE, ByzantineFaults.NONE));
            assertEquals(PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH),
                    PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH, Algorithms.byName("raft"), Options.empty()));
        }
    }

    @Test
    void upToFByzantineServersMixedIntoTheSamePlan() {
        ByzantineFaults two = new ByzantineFaults(2, KINDS);
        Set<Integer> counts = new HashSet<>();
        boolean atZero = false;
        boolean midRun = false;
        Set<List<String>> subsets = new HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            FaultPlan plain = PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH);
            FaultPlan plan = PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH, DiskLoss.NONE, two);
            List<FaultEvent.Byzantine> byz = plan.events().stream().filter(e -> e instanceof FaultEvent.Byzantine)
                    .map(e -> (FaultEvent.Byzantine) e).toList();
            assertEquals(plain.events(), plan.events().stream().filter(e -> !(e instanceof FaultEvent.Byzantine)).toList(),
                    "the other events are those of the plan without Byzantine servers");
            assertTrue(byz.size() <= 2, "at most f: " + byz);
            assertEquals(byz.size(), byz.stream().map(FaultEvent.Byzantine::node).distinct().count(), "distinct servers");
            counts.add(byz.size());
            for (FaultEvent.Byzantine b : byz) {
                assertTrue(SEVEN.contains(b.node()));
                assertFalse(b.behaviours().isEmpty());
                assertTrue(KINDS.containsAll(b.behaviours()));
                assertTrue(b.at() >= 0 && b.at() < 1000);
                atZero |= b.at() == 0;
                midRun |= b.at() > 0;
                subsets.add(b.behaviours());
            }
            assertEquals(plan, PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH, DiskLoss.NONE, two), "deterministic");
        }
        assertEquals(Set.of(0, 1, 2), counts, "plans with none, one and two Byzantine servers");
        assertTrue(atZero && midRun);
        assertEquals(7, subsets.size(), "every non-empty subset of three behaviours shows up");
    }
}
