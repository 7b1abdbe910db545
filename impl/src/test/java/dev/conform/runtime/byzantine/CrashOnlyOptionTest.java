package dev.conform.runtime.byzantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.ByzantineFaults;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The run option {@code byzantine=false}: crash-only chaos for an algorithm that tolerates Byzantine servers. */
class CrashOnlyOptionTest {
    private static final List<Integer> SEVEN = List.of(1, 2, 3, 4, 5, 6, 7);
    private static final Options OFF = Options.of(Map.of(ByzantineFaults.OPTION, "false"));
    private static final Options ON = Options.of(Map.of(ByzantineFaults.OPTION, "true"));

    @Test
    void offGivesThePlanWithoutByzantineServersAndOnIsTheDefault() {
        Tally tally = new Tally();
        assertEquals(ByzantineFaults.NONE, ByzantineFaults.of(tally, SEVEN, OFF));
        assertEquals(ByzantineFaults.of(tally, SEVEN, Options.empty()), ByzantineFaults.of(tally, SEVEN, ON));
        int withByzantine = 0;
        for (long seed = 0; seed < 40; seed++) {
            FaultPlan crashOnly = PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH, tally, OFF);
            FaultPlan mixed = PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH, tally, Options.empty());
            assertEquals(PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH), crashOnly, "seed " + seed);
            assertEquals(mixed, PlanGenerator.generate(seed, SEVEN, 1000, Intensity.HIGH, tally, ON), "seed " + seed);
            assertEquals(crashOnly.events(), mixed.events().stream()
                    .filter(e -> !(e instanceof FaultEvent.Byzantine)).toList(), "seed " + seed);
            withByzantine += mixed.size() > crashOnly.size() ? 1 : 0;
        }
        assertTrue(withByzantine > 0, "the default draws Byzantine servers on some seeds");
    }

    @Test
    void offRefusesAPlanWithAByzantineServerAndOtherValuesAreRefused() {
        Tally tally = new Tally();
        FaultPlan plan = new FaultPlan(List.of(new FaultEvent.Byzantine(5, 3, List.of("lie"))));
        Algorithms.checkPlan(tally, SEVEN, ON, plan);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Algorithms.checkPlan(tally, SEVEN, OFF, plan));
        assertTrue(e.getMessage().contains("byzantine at 5 of node 3") && e.getMessage().contains("byzantine=false"),
                e.getMessage());
        Options bad = Options.of(Map.of(ByzantineFaults.OPTION, "no"));
        assertThrows(IllegalArgumentException.class, () -> ByzantineFaults.of(tally, SEVEN, bad));
    }
}
