package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code conform check --distributed} with two {@code conform worker}s, and what it refuses. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DistributedCheckCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aViolationFoundByTwoWorkersHasTheLocalVerdictJsonAndExitCode() throws Exception {
        int port = freePort();
        CompletableFuture<Integer> w1 = worker(port);
        CompletableFuture<Integer> w2 = worker(port);
        CliRun r = CliRun.of("check", CliRun.resource("inv/Ledger.tla").toString(), "--distributed",
                "--port", Integer.toString(port), "--workers-expected", "2", "--json");
        assertEquals(1, r.exit(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("INVARIANT_VIOLATED", json.get("verdict").asText());
        assertEquals("Small", json.get("violated").asText());
        // TLC's server prints only the last step; it ends in the violating state, as locally.
        JsonNode states = json.at("/counterexample/states");
        assertEquals(3, states.get(states.size() - 1).at("/variables/n").asInt());
        assertTrue(json.get("message").asText().contains("only the last step"), json.toString());
        assertTrue(r.err().contains("join with: conform worker "), r.err());
        assertEquals(0, w1.get(60, TimeUnit.SECONDS), "a worker ends with the run");
        assertEquals(0, w2.get(60, TimeUnit.SECONDS), "a worker ends with the run");
    }

    @Test
    void aTemporalPropertyIsRefusedWithExitTwo() throws IOException {
        Path spec = tmp.resolve("Cycle.tla");
        Files.writeString(spec, "---- MODULE Cycle ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\n"
                + "Next == x' = (x + 1) % 3\nSpec == Init /\\ [][Next]_x /\\ WF_x(Next)\nSettles == <>[](x = 7)\n====\n");
        Files.writeString(tmp.resolve("Cycle.cfg"), "SPECIFICATION Spec\nPROPERTY Settles\n");
        CliRun r = CliRun.of("check", spec.toString(), "--distributed");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("PROPERTY Settles"), r.err());
    }

    @Test
    void aWorkerWithABadAddressIsAUsageError() {
        CliRun r = CliRun.of("worker", "localhost:notaport");
        assertEquals(2, r.exit(), r.err());
    }

    private static CompletableFuture<Integer> worker(int port) {
        StringWriter sink = new StringWriter();
        return CompletableFuture.supplyAsync(() -> Main.commandLine().setOut(new PrintWriter(sink))
                .setErr(new PrintWriter(sink)).execute("worker", "localhost:" + port, "--threads", "1"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
