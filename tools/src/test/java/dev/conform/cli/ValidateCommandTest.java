package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** conform validate end to end on the PingCounter example, with real TLC. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ValidateCommandTest {
    static final Path DIR = Path.of("../checker/src/test/resources/specs/pingcounter").toAbsolutePath().normalize();
    static final String SPEC = DIR.resolve("TracePingCounter.tla").toString();

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String trace(String name) {
        return DIR.resolve("traces").resolve(name).toString();
    }

    @Test
    void goodTraceConformsOnBothPaths(@TempDir Path tmp) throws Exception {
        Path junit = tmp.resolve("junit.xml");
        Run r = run("validate", "--spec", SPEC, "--trace", trace("good-basic.ndjson"), "--json", "--junit", junit.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("conforms", j.get("status").asText());
        assertEquals("CONFORMS", j.get("tlc").get("outcome").asText());
        assertTrue(j.get("java").get("conforms").asBoolean());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("tests=\"3\" failures=\"0\" errors=\"0\""), xml);
        assertTrue(j.get("java").get("coverage").get("reached").get("Exchanged").asBoolean(), r.out());
        assertTrue(xml.contains("name=\"java NotAhead\""), xml);
    }

    @Test
    void divergingTraceExitsOneAndNamesTheEvent() throws Exception {
        Run r = run("validate", "--spec", SPEC, "--trace", trace("bad-deliver-unsent.ndjson"), "--json");
        assertEquals(1, r.exit(), r.out() + r.err());
        JsonNode d = new ObjectMapper().readTree(r.out()).get("tlc").get("divergence");
        assertEquals(3, d.get("event").asInt());
        assertEquals(4, d.get("line").asInt());
    }

    @Test
    void javaAndTlcCanBeAskedSeparately() {
        // reaching nothing is coverage, reported beside a passing verdict
        Run java = run("validate", "--trace", trace("good-never-exchanged.ndjson"), "--java-only");
        assertEquals(0, java.exit(), java.out());
        assertTrue(java.out().contains("reached Exchanged no"), java.out());
        Run tlc = run("validate", "--spec", SPEC, "--trace", trace("good-never-exchanged.ndjson"), "--tlc-only");
        assertEquals(0, tlc.exit(), tlc.out());
        assertTrue(!tlc.out().contains("Java"), tlc.out());
    }

    @Test
    void malformedTraceIsExitTwoWithOneLine(@TempDir Path tmp) throws Exception {
        Path t = Files.writeString(tmp.resolve("t.ndjson"),
                Files.readString(Path.of(trace("good-basic.ndjson"))).replace("\"seq\":2,", "\"seq\":2 "));
        Run r = run("validate", "--spec", SPEC, "--trace", t.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().filter(l -> !l.isBlank()).count(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("conform: " + t + ":3:")), r.err());
        assertTrue(r.out().isBlank(), "the error is printed once, on stderr: " + r.out());
    }

    @Test
    void valuesOfTheWrongTypeAreBadInputAtTheirColumn(@TempDir Path tmp) throws Exception {
        String good = Files.readString(Path.of(trace("good-basic.ndjson")));
        Path t = Files.writeString(tmp.resolve("t.ndjson"), good.replaceFirst("\"count\":1}", "\"count\":\"one\"}"));
        for (String mode : new String[] {"--tlc-only", "--java-only"}) {
            Run r = run("validate", "--spec", SPEC, "--trace", t.toString(), mode);
            assertEquals(2, r.exit(), r.out() + r.err());
            String line2 = Files.readAllLines(t).get(1);
            int col = line2.indexOf("\"one\"") + 1;
            assertTrue(r.err().contains(t + ":2:" + col + ": "), r.err());
        }
    }

    @Test
    void aTraceOfAnotherAlgorithmIsBadInputSayingWhich(@TempDir Path tmp) throws Exception {
        Path t = Files.writeString(tmp.resolve("t.ndjson"), Files.readString(Path.of(trace("good-basic.ndjson")))
                .replaceFirst("\"algorithm\":\"pingcounter-fifo\"", "\"algorithm\":\"raft\""));
        Run r = run("validate", "--spec", SPEC, "--trace", t.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("the trace is of algorithm 'raft' but TracePingCounter.tla validates 'pingcounter-fifo'"),
                r.err());
    }

    @Test
    void aTraceWithoutEventsIsBadInputUnlessAllowed(@TempDir Path tmp) throws Exception {
        Path t = Files.writeString(tmp.resolve("t.ndjson"),
                Files.readAllLines(Path.of(trace("good-basic.ndjson"))).get(0) + "\n");
        Run r = run("validate", "--spec", SPEC, "--trace", t.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(t + ":2:1: no events"), r.err());
        Run allowed = run("validate", "--spec", SPEC, "--trace", t.toString(), "--allow-empty");
        assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
    }

    @Test
    void timeoutIsExitThree() {
        Run r = run("validate", "--spec", SPEC, "--trace", trace("good-basic.ndjson"), "--tlc-only", "--timeout", "20ms");
        assertEquals(3, r.exit(), r.out() + r.err());
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertEquals(2, run("validate", "--trace", trace("good-basic.ndjson")).exit());
        assertEquals(2, run("validate", "--spec", SPEC, "--trace", trace("good-basic.ndjson"), "--java-only", "--tlc-only").exit());
        Run threads = run("validate", "--trace", trace("good-basic.ndjson"), "--java-only", "--parse-threads", "0");
        assertEquals(2, threads.exit());
        assertTrue(threads.err().contains("--parse-threads must be in 1..256"), threads.err());
    }

    @Test
    void javaReplayReportsTheSameOnOneOrSeveralParseThreads() throws Exception {
        try (var traces = Files.list(DIR.resolve("traces"))) {
            for (Path t : traces.sorted().toList()) {
                Run one = run("validate", "--trace", t.toString(), "--java-only", "--json", "--parse-threads", "1");
                Run three = run("validate", "--trace", t.toString(), "--java-only", "--json", "--parse-threads", "3");
                assertEquals(one, three, t.toString());
            }
        }
        assertEquals(1, run("validate", "--trace", trace("bad-count-regress.ndjson"), "--java-only",
                "--parse-threads", "3").exit());
    }
}
