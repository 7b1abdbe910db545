package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conform itf} and ITF input to {@code validate} without Quint: hand-written traces, bad input. */
class ItfCommandTest {
    private static final String GCOUNTER = CliRun.resource("quint/GCounter.tla").toString();

    @TempDir
    Path dir;

    private static String counts(int a, int b, int c) {
        return "{\"#map\":[[{\"#bigint\":\"1\"},{\"#map\":[[1," + a + "],[2,0],[3,0]]}],"
                + "[{\"#bigint\":\"2\"},{\"#map\":[[1," + b + "],[2,0],[3,0]]}],"
                + "[{\"#bigint\":\"3\"},{\"#map\":[[1," + c + "],[2,0],[3,0]]}]]}";
    }

    private Path trace(String name, String... states) throws Exception {
        StringBuilder sb = new StringBuilder("{\"vars\":[\"counts\"],\"states\":[\n");
        for (int i = 0; i < states.length; i++) {
            sb.append("{\"counts\":").append(states[i]).append('}').append(i + 1 < states.length ? ",\n" : "\n");
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.append("]}").toString());
        return p;
    }

    @Test
    void aHandWrittenStateSequenceConformsAndALieDoesNot() throws Exception {
        // replica 1 increments, then replica 2 merges from 1
        Path good = trace("good.itf.json", counts(0, 0, 0), counts(1, 0, 0), counts(1, 1, 0));
        CliRun r = CliRun.of("validate", "--spec", GCOUNTER, "--trace", good.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        // replica 3 learns of an increment nobody made
        Path lie = trace("lie.itf.json", counts(0, 0, 0), counts(1, 0, 0), counts(1, 0, 2));
        r = CliRun.of("validate", "--spec", GCOUNTER, "--trace", lie.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("at event 3"), r.out());
    }

    @Test
    void badItfIsExit2WithItsPosition() throws Exception {
        Path bad = dir.resolve("bad.itf.json");
        Files.writeString(bad, "{\"vars\":[\"counts\"],\"states\":[\n  {\"count\":1}]}");
        CliRun r = CliRun.of("validate", "--spec", GCOUNTER, "--trace", bad.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("conform: " + bad + ":2:3: state 0 does not set \"counts\": every ITF state sets every name in"
                + " \"vars\"", r.err().strip());
        r = CliRun.of("itf", "import", bad.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("conform: " + bad + ":2:3: "), r.err());
        Path map = dir.resolve("names.txt");
        Files.writeString(map, "counts = 9\n");
        r = CliRun.of("itf", "import", bad.toString(), "--var-map", map.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("conform: " + map + ":1:"), r.err());
        r = CliRun.of("itf", "export", dir.resolve("none.ndjson").toString(), "-o", dir.resolve("x.itf.json").toString());
        assertEquals(2, r.exit(), r.err());
    }
}
