package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conform mutate} on the Java side only: usage, a trace that does not conform, seeded output. */
class MutateCommandTest {
    private static final Path RAFT = Path.of("../checker/src/test/resources/mutate/raft-seed9.ndjson")
            .toAbsolutePath().normalize();
    private static final Path PING = Path.of("../checker/src/test/resources/specs/pingcounter/traces")
            .toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void anUnknownOperatorIsAUsageError() {
        CliRun r = CliRun.of("mutate", RAFT.toString(), "--java-only", "--operator", "no-such-thing");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no-such-thing"), r.err());
    }

    @Test
    void aTraceThatDoesNotConformIsNotMutated() {
        CliRun r = CliRun.of("mutate", PING.resolve("bad-deliver-unsent.ndjson").toString(), "--java-only",
                "--out", tmp.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("does not conform"), r.err());
    }

    @Test
    void networkLiesAreRejectedByTheJavaSideAndTheSameSeedWritesTheSameMutants() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path out : new Path[] {a, b}) {
            CliRun r = CliRun.of("mutate", RAFT.toString(), "--java-only", "--seed", "5", "--per-operator", "2",
                    "--operator", "deliver-unsent", "--operator", "step-while-down", "--json", "--out", out.toString());
            assertEquals(0, r.exit(), r.out() + r.err());
            JsonNode score = new ObjectMapper().readTree(r.out());
            assertEquals(4, score.path("mutants").asInt(), r.out());
            assertEquals(0, score.path("accepted").asInt(), r.out());
            for (JsonNode op : score.path("operators")) {
                assertEquals(2, op.path("javaRejected").asInt(), r.out());
            }
        }
        for (String f : new String[] {"deliver-unsent-1.ndjson", "deliver-unsent-2.ndjson", "step-while-down-1.ndjson",
            "step-while-down-2.ndjson"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }
}
