package dev.conform.runtime.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Disk loss in random plans: wipes are drawn from a stream of their own, so a plan's other
 * events are exactly those of the plan without disk loss (and every algorithm that does not opt
 * in gets the very plan it got before); each wipe falls inside a real down gap of an opted-in
 * node; a plan holds at most the allowed number.
 */
class PlanGeneratorDiskLossTest {
    private static final List<Integer> SERVERS = List.of(1, 2, 3, 4);
    private static final DiskLoss STORAGE = new DiskLoss(List.of(2, 3, 4), 1);

    @Test
    void withoutDiskLossThePlanIsTheOldOne() {
        for (long seed = 1; seed <= 200; seed++) {
            assertEquals(PlanGenerator.generate(seed, SERVERS, 1000, Intensity.HIGH),
                    PlanGenerator.generate(seed, SERVERS, 1000, Intensity.HIGH, DiskLoss.NONE));
            assertEquals(PlanGenerator.generate(seed, SERVERS, 1000, Intensity.HIGH),
                    PlanGenerator.generate(seed, SERVERS, 1000, Intensity.HIGH, new DiskLoss(List.of(), 3)));
        }
    }

    @Test
    void wipesAddToThePlanWithoutChangingItsOtherEvents() {
        int plansWithWipes = 0;
        for (long seed = 1; seed <= 200; seed++) {
            FaultPlan plain = PlanGenerator.generate(seed, SERVERS, 1000, Intensity.HIGH);
            FaultPlan lossy = PlanGenerator.generate(seed, SERVERS, 1000, Intensity.HIGH, STORAGE);
            List<FaultEvent> rest = new ArrayList<>(lossy.events());
            rest.removeIf(e -> e instanceof FaultEvent.Wipe);
            assertEquals(plain.events(), rest, "seed " + seed);
            int wipes = lossy.size() - rest.size();
            assertTrue(wipes <= STORAGE.maxWipes(), "seed " + seed + ": " + wipes + " wipes");
            plansWithWipes += wipes > 0 ? 1 : 0;
        }
        assertTrue(plansWithWipes > 100, "most HIGH plans lose a disk: " + plansWithWipes + "/200");
    }

    /** Replays crashes and restarts as the simulator applies them: every wipe finds its node down. */
    @Test
    void everyWipeFallsWhileItsNodeIsDown() {
        DiskLoss two = new DiskLoss(List.of(2, 3, 4), 2);
        for (long seed = 1; seed <= 300; seed++) {
            FaultPlan plan = PlanGenerator.generate(seed, SERVERS, 1000, Intensity.HIGH, two);
            Map<Integer, Boolean> down = new HashMap<>();
            int wipes = 0;
            for (FaultEvent e : plan.events()) {
                if (e instanceof FaultEvent.Crash c) {
                    down.put(c.node(), true);
                } else if (e instanceof FaultEvent.Restart r) {
                    down.put(r.node(), false);
                } else if (e instanceof FaultEvent.Wipe w) {
                    wipes++;
                    assertTrue(two.nodes().contains(w.node()), "seed " + seed + ": wipes node " + w.node());
                    assertTrue(down.getOrDefault(w.node(), false), "seed " + seed + ": " + w + " of a node that is up");
                }
            }
            assertTrue(wipes <= 2, "seed " + seed);
        }
    }

    @Test
    void wipesAreDeterministicAndWrittenAsData() throws Exception {
        FaultPlan a = PlanGenerator.generate(9, SERVERS, 1000, Intensity.HIGH, STORAGE);
        assertEquals(a, PlanGenerator.generate(9, SERVERS, 1000, Intensity.HIGH, STORAGE));
        String json = dev.conform.runtime.Json.mapper().writeValueAsString(new FaultEvent.Wipe(40, 3));
        assertEquals("{\"type\":\"wipe\",\"at\":40,\"node\":3}", json);
        assertEquals(new FaultEvent.Wipe(40, 3), dev.conform.runtime.Json.mapper().readValue(json, FaultEvent.class));
    }
}
