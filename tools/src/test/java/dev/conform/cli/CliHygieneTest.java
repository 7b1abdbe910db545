package dev.conform.cli;

import static dev.conform.cli.RunCommandTest.conform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.RunCommandTest.Outcome;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage mistakes a new user makes are exit 2 with a message that says what is wrong, never silence. */
class CliHygieneTest {
    static final Path SPECS = Path.of("..", "specs");

    @TempDir
    Path dir;

    @Test
    void noArgumentsOrAnUnknownCommandIsUsage() {
        Outcome none = conform();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Usage: conform"), none.err());
        assertEquals("", none.out());
        Outcome unknown = conform("valdiate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("'valdiate'"), unknown.err());
    }

    @Test
    void anUnknownOptionKeyIsRefusedNamingTheKnownOnes() {
        Path out = dir.resolve("t.ndjson");
        Outcome typo = conform("run", "raft", "--option", "electonMin=5", "--out", out.toString());
        assertEquals(2, typo.code(), typo.err());
        assertTrue(typo.err().contains("unknown option 'electonMin' of raft; known: "), typo.err());
        assertTrue(typo.err().contains("electionMin"), typo.err());
        assertFalse(Files.exists(out), "no trace is written for a refused run");
        Outcome crdt = conform("run", "crdt", "--option", "tyep=or-set", "--out", out.toString());
        assertEquals(2, crdt.code(), crdt.err());
        assertTrue(crdt.err().contains("known: clock, fanout, gossip-max"), crdt.err());
        Outcome explore = conform("explore", "twopc", "--seeds", "1", "--option", "coop=true",
                "--out", dir.resolve("explore").toString());
        assertEquals(2, explore.code(), explore.err());
        assertTrue(explore.err().contains("unknown option 'coop' of twopc"), explore.err());
        Outcome cluster = conform("cluster", "start", "pingcounter", "--option", "maximum=3",
                "--dir", dir.resolve("cluster").toString());
        assertEquals(2, cluster.code(), cluster.err());
        assertTrue(cluster.err().contains("known: max"), cluster.err());
        Outcome known = conform("run", "pingcounter", "--option", "max=2", "--out", out.toString());
        assertEquals(0, known.code(), known.err());
    }

    @Test
    void everyOptionOfEveryGateVariantIsAKeyTheAlgorithmReads() throws Exception {
        for (Algorithm<?> a : Algorithms.all()) {
            Path gate = SPECS.resolve(a.name()).resolve("gate.json");
            if (!Files.isRegularFile(gate)) {
                continue;
            }
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(gate.toFile());
            java.util.List<com.fasterxml.jackson.databind.JsonNode> maps = new java.util.ArrayList<>();
            maps.add(json.path("options"));
            json.path("variants").forEach(v -> maps.add(v.path("options")));
            for (var m : maps) {
                m.fieldNames().forEachRemaining(k -> assertTrue(a.optionKeys().contains(k),
                        gate + ": option " + k + " is not one " + a.name() + " reads " + a.optionKeys()));
            }
        }
    }

    @Test
    void checkRefusesAConfigThatIsNoCfgAndAJarWithoutTlc() throws Exception {
        Path notCfg = Files.writeString(dir.resolve("model.txt"), "INIT Init\n");
        Outcome cfg = conform("check", SPECS.resolve("pingcounter/MCPingCounter.tla").toString(),
                "--config", notCfg.toString());
        assertEquals(2, cfg.code(), cfg.err() + cfg.out());
        assertTrue(cfg.err().contains("not a model config (a .cfg file)"), cfg.err());
        Path jar = Files.writeString(dir.resolve("tools.jar"), "not a jar");
        Outcome noTlc = conform("check", SPECS.resolve("pingcounter/MCPingCounter.tla").toString(),
                "--tla2tools", jar.toString());
        assertEquals(2, noTlc.code(), noTlc.err() + noTlc.out());
        assertTrue(noTlc.err().contains("not a jar file"), noTlc.err());
        Path trace = dir.resolve("p.ndjson");
        assertEquals(0, conform("run", "pingcounter", "--out", trace.toString()).code());
        Outcome validate = conform("validate", "--trace", trace.toString(), "--spec", SPECS.resolve("pingcounter/TracePingCounter.tla").toString(),
                "--tlc-only", "--tla2tools", jar.toString());
        assertEquals(2, validate.code(), validate.err() + validate.out());
        assertTrue(validate.err().contains("not a jar file"), validate.err());
    }

    /** {@code run --list} offers only what the gate can check: each has a spec folder with a gate entry. */
    @Test
    void everyAlgorithmOfferedHasASpecInvariantsAndAGateEntry() {
        for (Algorithm<?> a : Algorithms.all()) {
            if (a.getClass().getPackageName().equals("dev.conform.cli.toy")) {
                continue; // the CLI tests' own algorithms (test META-INF/services), not shipped
            }
            Path folder = SPECS.resolve(a.name());
            assertTrue(Files.isRegularFile(folder.resolve("gate.json")), a.name() + " has no gate.json");
            assertTrue(dev.conform.checker.invariants.InvariantRegistry.find(a.name()).isPresent(),
                    a.name() + " has no Java invariants");
        }
    }
}
