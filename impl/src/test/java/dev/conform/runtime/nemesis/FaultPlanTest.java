package dev.conform.runtime.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultPlanTest {
    @TempDir
    Path dir;

    @Test
    void everyKindRoundTripsThroughJson() throws Exception {
        FaultPlan plan = FaultPlan.of(
                new FaultEvent.Partition(5, List.of(List.of(1, 2), List.of(3))),
                new FaultEvent.Isolate(6, 2),
                new FaultEvent.Bridge(7, List.of(1), List.of(3), 2),
                new FaultEvent.Ring(8),
                new FaultEvent.Heal(9),
                new FaultEvent.LinkFault(10, 1, 0, 20, 5, 10, 3, 9),
                new FaultEvent.Crash(11, 3),
                new FaultEvent.Restart(12, 3),
                new FaultEvent.Skew(13, 1, 150, 20),
                new FaultEvent.Wipe(14, 2));
        Path f = dir.resolve("p.json");
        FaultPlans.write(plan, f);
        assertEquals(plan, FaultPlans.read(f));
        assertTrue(Files.readString(f).contains("\"type\" : \"bridge\""));
    }

    @Test
    void eventsAreSortedByTimeStably() {
        FaultPlan plan = FaultPlan.of(new FaultEvent.Restart(9, 1), new FaultEvent.Crash(3, 1), new FaultEvent.Heal(3));
        assertEquals(List.of(new FaultEvent.Crash(3, 1), new FaultEvent.Heal(3), new FaultEvent.Restart(9, 1)), plan.events());
    }

    @Test
    void badPlanNamesFileLineAndColumn() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"events\": [\n  {\"type\": \"crash\", \"at\": 4, \"node\": 1},\n  {\"type\": \"explode\", \"at\": 5}\n]}\n");
        FaultPlans.PlanFormatException e = assertThrows(FaultPlans.PlanFormatException.class, () -> FaultPlans.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("explode"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void partitionShapes() {
        List<Integer> s = List.of(1, 2, 3, 4, 5);
        boolean[][] halves = Connectivity.of(FaultPlans.halves(0, s), s);
        assertTrue(halves[0][2] && !halves[0][3] && halves[3][4]);
        boolean[][] iso = Connectivity.of(new FaultEvent.Isolate(0, 2), s);
        assertTrue(!iso[1][0] && !iso[0][1] && iso[0][4] && iso[1][1]);
        boolean[][] bridge = Connectivity.of(new FaultEvent.Bridge(0, List.of(1, 2), List.of(4, 5), 3), s);
        assertTrue(bridge[0][2] && bridge[2][4] && !bridge[0][4] && bridge[3][4]);
        boolean[][] ring = Connectivity.of(new FaultEvent.Ring(0), s);
        assertTrue(ring[0][1] && ring[0][4] && !ring[0][2] && ring[2][3]);
        boolean[][] groups = Connectivity.of(new FaultEvent.Partition(0, List.of(List.of(1, 4))), s);
        assertTrue(groups[0][3] && !groups[0][1] && groups[1][2] && groups[1][4]);
    }

    @Test
    void planNamingAnUnknownServerIsRejected() {
        FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(3, 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan.checkNodes(List.of(1, 2, 3)));
        assertTrue(e.getMessage().contains("names node 7"), e.getMessage());
        FaultPlan.of(new FaultEvent.LinkFault(0, 0, 2, 10, 0, 0, 0, 0)).checkNodes(List.of(1, 2, 3));
    }
}
