package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome conform(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void runWritesATraceAndItsReplayCommandReproducesItExactly() throws Exception {
        Path a = dir.resolve("a.ndjson");
        Outcome first = conform("run", "crdt", "--seed", "3", "--chaos", "medium", "--net", "unreliable",
                "--option", "updates=4", "--out", a.toString());
        assertEquals(0, first.code(), first.err());
        String replay = first.out().lines().filter(l -> l.startsWith("replay: ")).findFirst().orElseThrow()
                .substring("replay: conform ".length());
        assertTrue(replay.contains("--plan " + a + ".plan.json"), replay);
        Path b = dir.resolve("b.ndjson");
        String[] args = replay.replace("--out " + a, "--out " + b).split(" ");
        Outcome second = conform(args);
        assertEquals(0, second.code(), second.err());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        Outcome unknown = conform("run", "nosuch", "--out", dir.resolve("x").toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown algorithm 'nosuch'"), unknown.err());
        Outcome flaw = conform("run", "raft", "--flaw", "nope", "--out", dir.resolve("x").toString());
        assertEquals(2, flaw.code());
        Path plan = dir.resolve("bad.json");
        Files.writeString(plan, "{\"events\": [ {\"type\": \"crash\", \"at\": \"soon\"} ]}");
        Outcome bad = conform("run", "twopc", "--plan", plan.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("conform: " + plan + ":1:"), bad.err());
        assertEquals(1, bad.err().lines().count());
    }

    @Test
    void typeAndClockAreShorthandsForTheirOptions() throws Exception {
        Path a = dir.resolve("flags.ndjson");
        Outcome flags = conform("run", "crdt", "--seed", "2", "--type", "lww-map", "--clock", "physical",
                "--option", "updates=3", "--out", a.toString());
        assertEquals(0, flags.code(), flags.err());
        Path b = dir.resolve("options.ndjson");
        Outcome opts = conform("run", "crdt", "--seed", "2", "--option", "type=lww-map", "--option", "clock=physical",
                "--option", "updates=3", "--out", b.toString());
        assertEquals(0, opts.code(), opts.err());
        assertArrayEquals(Files.readAllBytes(b), Files.readAllBytes(a));
        String header = Files.readAllLines(a).get(0);
        assertTrue(header.contains("\"type\":\"lww-map\"") && header.contains("\"clock\":\"physical\""), header);
        Path c = dir.resolve("hlc.ndjson");
        assertEquals(0, conform("run", "crdt", "--seed", "2", "--type", "lww-map", "--clock", "hlc",
                "--option", "updates=3", "--out", c.toString()).code());
        assertTrue(Files.readAllLines(c).get(0).contains("\"clock\":\"hlc\""));
        Outcome clash = conform("run", "crdt", "--clock", "hlc", "--option", "clock=physical", "--out", c.toString());
        assertEquals(2, clash.code());
        assertTrue(clash.err().contains("--clock hlc contradicts --option clock=physical"), clash.err());
    }

    @Test
    void listShowsTheAlgorithmsThatHaveSpecsAndTheirFlaws() {
        Outcome o = conform("run", "--list");
        assertEquals(0, o.code());
        for (String algorithm : new String[] {"crdt", "raft", "twopc"}) {
            assertTrue(o.out().contains(algorithm + " - "), o.out());
        }
        assertTrue(o.out().contains("--flaw VoteTwice"), o.out());
        assertTrue(o.out().lines().noneMatch(l -> l.startsWith("broadcast")), "broadcast has no spec: " + o.out());
        Outcome run = conform("run", "broadcast", "--out", dir.resolve("b.ndjson").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown algorithm 'broadcast'"), run.err());
    }
}
