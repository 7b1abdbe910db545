package dev.conform.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gate.json's variants, and how seeds and TLC traces are shared out among them. */
class GateVariantsTest {
    @TempDir
    Path folder;

    private GatePairing read(String variants) throws Exception {
        Files.writeString(folder.resolve("gate.json"), """
                {"algorithm": "crdt", "options": {"updates": "4", "type": "g-counter"},
                 "seeds": {"quick": 1, "default": 10, "soak": 100}, "tlcSample": {"quick": 1, "default": 10, "soak": 100}
                """ + variants + "}");
        return GatePairing.read(folder);
    }

    @Test
    void variantOptionsAreLaidOverThePairings() throws Exception {
        GatePairing p = read(", \"variants\": [{\"name\": \"g\", \"options\": {}},"
                + " {\"name\": \"lww-map/hlc\", \"options\": {\"type\": \"lww-map\", \"clock\": \"hlc\"}}]");
        assertEquals(2, p.variants().size());
        assertEquals(Map.of("updates", "4", "type", "g-counter"), p.variants().get(0).options(p));
        assertEquals(Map.of("updates", "4", "type", "lww-map", "clock", "hlc"), p.variants().get(1).options(p));
        assertEquals(" [lww-map/hlc]", p.variants().get(1).suffix());
    }

    @Test
    void withoutVariantsThePairingIsOneUnnamedVariant() throws Exception {
        GatePairing p = read("");
        assertEquals(1, p.variants().size());
        assertNull(p.variants().get(0).name());
        assertEquals("", p.variants().get(0).suffix());
        assertEquals(p.options(), p.variants().get(0).options(p));
    }

    @Test
    void badVariantsAreBadInputNamingTheFile() throws Exception {
        for (String bad : List.of(", \"variants\": []", ", \"variants\": {}", ", \"variants\": [{\"options\": {}}]",
                ", \"variants\": [{\"name\": \"a\"}, {\"name\": \"a\"}]",
                ", \"variants\": [{\"name\": \"a\", \"option\": {}}]",
                ", \"variants\": [{\"name\": \"a\", \"traceSpec\": \"Missing.tla\"}]")) {
            UserError e = assertThrows(UserError.class, () -> read(bad), bad);
            assertTrue(e.getMessage().startsWith(folder.resolve("gate.json").toString()), e.getMessage());
        }
    }

    @Test
    void seedsSplitIntoContiguousRangesCoveringAll() {
        List<long[]> parts = ChaosBatch.split(200, 7);
        long next = 1;
        for (long[] p : parts) {
            assertEquals(next, p[0]);
            assertTrue(p[1] == 28 || p[1] == 29, "sizes differ by at most one: " + p[1]);
            next += p[1];
        }
        assertEquals(201, next);
        assertEquals(0, ChaosBatch.split(0, 2).get(1)[1], "no seeds: every variant gets none");
    }

    @Test
    void tlcSeedsAreSpreadOverAllSeedsAndShared() {
        assertEquals(Set.of(1L, 3L, 5L, 7L, 9L), ChaosBatch.spread(1, 10, 5));
        assertEquals(10, ChaosBatch.spread(1, 10, 10).size());
        assertEquals(10, ChaosBatch.spread(1, 10, 50).size());
        List<List<Long>> chunks = ChaosStep.chunks(List.of(1L, 2L, 3L, 4L, 5L), 2);
        assertEquals(List.of(List.of(1L, 2L, 3L), List.of(4L, 5L)), chunks);
        assertEquals(1, ChaosStep.chunks(List.of(1L), 4).size());
        assertTrue(ChaosStep.chunks(List.of(), 2).isEmpty());
    }
}
