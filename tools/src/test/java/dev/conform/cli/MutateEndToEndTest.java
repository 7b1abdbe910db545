package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.example.PingCounterTraces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mutation score end to end: {@code conform mutate} on a seeded run of each algorithm (and of
 * the PingCounter example) must find no mutant accepted, by TLC and the Java invariants together.
 */
@Tag("tlc")
@Tag("process")
class MutateEndToEndTest {
    private static final Path SPECS = Path.of("../specs").toAbsolutePath().normalize();
    private static final Path PING = Path.of("../checker/src/test/resources/specs/pingcounter/TracePingCounter.tla")
            .toAbsolutePath().normalize();

    /** The seeded run of each algorithm that is mutated (small, with crashes, duplicates and client replies). */
    static final Map<String, List<String>> RUNS = Map.of(
            "raft", List.of("--seed", "9", "--steps", "250", "--chaos", "high", "--horizon", "300",
                    "--option", "clients=2", "--option", "ops=3"),
            "twopc", List.of("--seed", "2", "--steps", "300", "--chaos", "high", "--horizon", "200"),
            "crdt", List.of("--seed", "2", "--steps", "200", "--chaos", "high", "--horizon", "200",
                    "--type", "g-counter"),
            "paxos", List.of("--seed", "3", "--steps", "300", "--chaos", "high", "--horizon", "300",
                    "--option", "clients=2", "--option", "ops=3", "--option", "snapshotEvery=4"),
            "clocks", List.of("--seed", "2", "--steps", "200", "--chaos", "high", "--horizon", "200"),
            "causal", List.of("--seed", "2", "--steps", "300", "--chaos", "high", "--horizon", "300"),
            // a joiner and a leaver, a crash and a restart (Rejoin), suspicions and refutations
            "swim", List.of("--seed", "3", "--steps", "400", "--servers", "4", "--chaos", "high", "--horizon", "150",
                    "--option", "rounds=4", "--option", "joiners=1", "--option", "leaveAt=2"),
            // seed 3 loses a storage node's disk (a wipe fault) and repairs a shard
            "erasure", List.of("--seed", "3", "--steps", "400", "--chaos", "high", "--horizon", "300",
                    "--option", "diskLoss=true", "--option", "ops=3"));

    /** Mutants per operator: two for the older pairings, one for the newer ones to keep the suite's time down. */
    private static String perOperator(String algorithm) {
        return List.of("clocks", "causal", "erasure", "swim").contains(algorithm) ? "1" : "2";
    }

    @TempDir
    Path tmp;

    private static void assertNoneAccepted(CliRun r) throws Exception {
        assertTrue(r.exit() == 0 || r.exit() == 1, "exit " + r.exit() + "\n" + r.out() + r.err());
        JsonNode score = new ObjectMapper().readTree(r.out());
        List<String> accepted = new ArrayList<>();
        int mutants = 0;
        for (JsonNode op : score.path("operators")) {
            mutants += op.path("mutants").asInt();
            System.out.printf("mutate %s: %s %d mutants, bad input %d, TLC rejected %d, Java rejected %d, accepted %d%n",
                    score.path("trace").asText(), op.path("operator").asText(), op.path("mutants").asInt(),
                    op.path("badInput").asInt(), op.path("tlcRejected").asInt(), op.path("javaRejected").asInt(),
                    op.path("accepted").asInt());
            for (JsonNode v : op.path("verdicts")) {
                if (v.path("status").asText().equals("CONFORMS")) {
                    accepted.add(op.path("operator").asText() + ": " + v.path("lie").asText() + "\n    "
                            + v.path("validate").asText());
                }
            }
        }
        assertTrue(mutants > 0, "no mutant was made");
        assertEquals(List.of(), accepted, accepted.size() + " of " + mutants + " mutants accepted");
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void noMutantOfAPingCounterTraceIsAccepted() throws Exception {
        Path trace = tmp.resolve("ping.ndjson");
        PingCounterTraces.write(trace, 80, 11);
        CliRun r = CliRun.of("mutate", trace.toString(), "--spec", PING.toString(), "--per-operator", "2",
                "--seed", "1", "--json", "--out", tmp.resolve("mutants").toString());
        assertNoneAccepted(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raft", "twopc", "crdt", "paxos", "clocks", "causal", "erasure", "swim"})
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void noMutantOfASeededRunIsAccepted(String algorithm) throws Exception {
        Path trace = tmp.resolve(algorithm + ".ndjson");
        List<String> args = new ArrayList<>(List.of("run", algorithm));
        args.addAll(RUNS.get(algorithm));
        args.addAll(List.of("--out", trace.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.out() + run.err());
        CliRun r = CliRun.of("mutate", trace.toString(), "--specs", SPECS.toString(), "--per-operator",
                perOperator(algorithm), "--seed", "1", "--json", "--out", tmp.resolve("mutants").toString());
        assertNoneAccepted(r);
    }
}
