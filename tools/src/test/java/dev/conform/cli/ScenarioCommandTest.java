package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCommandTest {
    private static final String SCRIPT = """
            # elect server 1
            nodes 3 electionMin=10 electionMax=20 heartbeat=5
            ----

            campaign 1
            ----

            deliver-all
            ----

            assert leader 1
            ----
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path raft = Files.createDirectories(dir.resolve("raft"));
        Path f = raft.resolve("s.txt");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void updateThenCheckRoundTrips() throws IOException {
        Path f = write(SCRIPT);
        CliRun differs = CliRun.of("scenario", f.toString());
        assertEquals(ExitCodes.VIOLATION, differs.exit(), differs.err());
        assertTrue(differs.out().contains("DIFFERS " + f), differs.out());
        assertTrue(differs.out().contains("+ t=0 1 fires election"), differs.out());

        CliRun updated = CliRun.of("scenario", "--update", f.toString());
        assertEquals(ExitCodes.OK, updated.exit(), updated.err());
        assertTrue(Files.readString(f).contains("    1: HandleRequestVoteResponse, BecomeLeader"));

        CliRun ok = CliRun.of("scenario", f.toString());
        assertEquals(ExitCodes.OK, ok.exit(), ok.err());
        assertEquals("ok " + f + " (4 commands)", ok.out().strip());
    }

    @Test
    void aFailingAssertionIsAViolationWithFileAndLine() throws IOException {
        Path f = write(SCRIPT.replace("assert leader 1", "assert leader 2"));
        CliRun r = CliRun.of("scenario", "--print", f.toString());
        assertEquals(ExitCodes.VIOLATION, r.exit());
        assertEquals("conform: " + f + ":11:1: assertion failed: assert leader 2: leaders are [1]", r.err().strip());
    }

    @Test
    void aMalformedScenarioIsBadInput() throws IOException {
        Path f = write(SCRIPT.replace("campaign 1", "campaign one"));
        CliRun r = CliRun.of("scenario", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertEquals("conform: " + f + ":5:10: expected an integer, got 'one'", r.err().strip());
    }

    @Test
    void anUnknownAlgorithmIsBadInput() throws IOException {
        Path f = write(SCRIPT);
        CliRun r = CliRun.of("scenario", "--algorithm", "nope", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("conform: no scenario support for algorithm 'nope'; known: paxos, pbft, raft"), r.err());
    }
}
