package dev.conform.cli;

import static dev.conform.cli.RunCommandTest.conform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.RunCommandTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --option byzantine=false} on the command line: crash-only chaos, recorded in the header; bad uses exit 2. */
class ByzantineOptionCliTest {
    @TempDir
    Path dir;

    @Test
    void crashOnlyChaosRunHasNoByzantineReplicaAndSaysSoInItsHeader() throws Exception {
        Path trace = dir.resolve("t.ndjson");
        // seed 9 draws a Byzantine replica by default (PbftByzantineChaosTest's plans)
        Outcome mixed = conform("run", "pbft", "--seed", "9", "--chaos", "high", "--horizon", "1500", "--steps", "3000",
                "--option", "ops=2", "--out", trace.toString());
        assertEquals(0, mixed.code(), mixed.err());
        String header = Files.readAllLines(trace).get(0);
        assertTrue(header.contains("\"type\":\"byzantine\"") && header.contains("\"byzantine\":\"true\""), header);
        Outcome off = conform("run", "pbft", "--seed", "9", "--chaos", "high", "--horizon", "1500", "--steps", "3000",
                "--option", "ops=2", "--option", "byzantine=false", "--out", trace.toString());
        assertEquals(0, off.code(), off.err());
        header = Files.readAllLines(trace).get(0);
        assertFalse(header.contains("\"type\":\"byzantine\""), header);
        assertTrue(header.contains("\"byzantine\":\"false\""), header);
    }

    @Test
    void aByzantinePlanWithTheOptionOffAndABadValueAreBadInput() throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"events\":[{\"type\":\"byzantine\",\"at\":0,\"node\":2,\"behaviours\":[\"silence\"]}]}");
        Outcome refused = conform("run", "pbft", "--plan", plan.toString(), "--option", "byzantine=false",
                "--out", dir.resolve("a.ndjson").toString());
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("byzantine at 0 of node 2"), refused.err());
        Outcome bad = conform("run", "pbft", "--option", "byzantine=maybe", "--out", dir.resolve("b.ndjson").toString());
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("byzantine must be true or false"), bad.err());
    }
}
