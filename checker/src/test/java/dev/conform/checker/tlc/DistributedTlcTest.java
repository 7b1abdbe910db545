package dev.conform.checker.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.value.TlaValue;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC's distributed server with two worker processes on this machine gives the local run's
 * verdict (and, for a complete search, its distinct-state count), names what it found although
 * TLC's server does not, refuses what it cannot check, and never passes a run that lost a worker.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DistributedTlcTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private final List<Process> workers = new ArrayList<>();

    @AfterEach
    void reapWorkers() throws InterruptedException {
        for (Process p : workers) {
            p.destroyForcibly();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "worker " + p.pid() + " did not die");
        }
    }

    @Test
    void anOkModelHasTheLocalVerdictAndDistinctStates() throws Exception {
        Path spec = Fixtures.spec("dist/Grid.tla");
        TlcResult local = local(spec, spec.resolveSibling("Grid.cfg"));
        TlcResult dist = distributed(spec, spec.resolveSibling("Grid.cfg"), line -> { });
        assertEquals(Verdict.OK, local.verdict(), local.message());
        assertEquals(Verdict.OK, dist.verdict(), dist.message() + "\n" + dist.rawOutput());
        assertEquals(2250L, local.statistics().distinctStates());
        assertEquals(local.statistics().distinctStates(), dist.statistics().distinctStates());
        assertEquals(0, dist.exitCode());
        assertTrue(dist.commandLine().contains(TlcRunner.SERVER_MAIN), dist.commandLineString());
    }

    @Test
    void anInvariantViolationIsNamedAsLocally() throws Exception {
        Path spec = Fixtures.spec("dist/Grid.tla");
        Path cfg = spec.resolveSibling("GridUnbalanced.cfg");
        TlcResult local = local(spec, cfg);
        TlcResult dist = distributed(spec, cfg, line -> { });
        assertEquals(Verdict.INVARIANT_VIOLATED, local.verdict(), local.message());
        assertEquals("Balanced", local.violatedName());
        assertEquals(local.verdict(), dist.verdict(), dist.message() + "\n" + dist.rawOutput());
        assertEquals(local.violatedName(), dist.violatedName());
        var last = dist.counterexample().states().get(dist.counterexample().states().size() - 1);
        assertEquals(20, intValue(last, "a") + intValue(last, "b"),
                "the counterexample ends where a + b first reaches 20: " + last.text());
    }

    @Test
    void aDeadlockIsReportedAsLocally() throws Exception {
        Path spec = Fixtures.spec("deadlock/Stop.tla");
        TlcResult local = local(spec, spec.resolveSibling("Stop.cfg"));
        TlcResult dist = distributed(spec, spec.resolveSibling("Stop.cfg"), line -> { });
        assertEquals(Verdict.DEADLOCK, local.verdict(), local.message());
        assertEquals(local.verdict(), dist.verdict(), dist.message() + "\n" + dist.rawOutput());
    }

    @Test
    void temporalPropertiesAreRefusedBecauseTlcsServerIgnoresThem() throws Exception {
        Path spec = Fixtures.spec("live/Cycle.tla");
        TlcRequest req = TlcRequest.builder(spec).server(new TlcServerOptions(freePort(), null, 1)).build();
        TlcInputException e = assertThrows(TlcInputException.class, () -> new TlcRunner().run(req));
        assertTrue(e.getMessage().contains("PROPERTY Settles"), e.getMessage());
        // Why: TLC's own server, asked directly, passes this liveness violation.
        assertEquals(Verdict.PROPERTY_VIOLATED, local(spec, spec.resolveSibling("Cycle.cfg")).verdict());
        Path metadir = Files.createDirectories(tmp.resolve("raw-meta"));
        Files.createDirectories(TlcRunner.privateTmp(metadir));
        List<String> raw = TlcRunner.command(req, Tla2Tools.locate(null), metadir);
        startWorkers(req.server().port(), 1);
        Process server = new ProcessBuilder(raw).directory(spec.getParent().toFile()).redirectErrorStream(true).start();
        String out;
        try {
            out = new String(server.getInputStream().readAllBytes());
            assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        } finally {
            server.destroyForcibly();
        }
        assertTrue(out.contains("No error has been found"), out);
    }

    @Test
    void tlcGetAndUnknownOptionsAreRefused() {
        Path level = Fixtures.spec("dist/Level.tla");
        TlcServerOptions server = new TlcServerOptions(TlcServerOptions.DEFAULT_PORT, null, 0);
        TlcInputException get = assertThrows(TlcInputException.class,
                () -> new TlcRunner().run(TlcRequest.builder(level).server(server).build()));
        assertTrue(get.getMessage().contains("TLCGet"), get.getMessage());
        Path grid = Fixtures.spec("dist/Grid.tla");
        TlcInputException sim = assertThrows(TlcInputException.class, () -> new TlcRunner()
                .run(TlcRequest.builder(grid).server(server).tlcArgument("-simulate").build()));
        assertTrue(sim.getMessage().contains("-simulate"), sim.getMessage());
    }

    @Test
    void aWorkerKilledMidRunNeverTurnsIntoAPass() throws Exception {
        Path spec = Fixtures.spec("dist/Grid.tla");
        AtomicBoolean killed = new AtomicBoolean();
        int[] registered = {0};
        TlcResult dist = distributed(spec, spec.resolveSibling("GridLarge.cfg"), line -> {
            if (line.startsWith("Registration for worker")) {
                registered[0]++;
            }
            // Once both workers are busy, kill one the way a machine dies.
            if (registered[0] == 2 && line.startsWith("Progress(") && !line.contains(": 1 states generated")
                    && killed.compareAndSet(false, true)) {
                workers.get(0).destroyForcibly();
            }
        });
        assertTrue(killed.get(), "the test killed a worker mid-run\n" + dist.rawOutput());
        assertNotEquals(Verdict.OK, dist.verdict(), dist.rawOutput());
        assertFalse(dist.verdict().isViolation(), dist.verdict() + ": " + dist.message());
    }

    private static int intValue(TlcState s, String variable) {
        return ((TlaValue.Int) s.variables().get(variable)).value().intValueExact();
    }

    private TlcResult local(Path spec, Path cfg) {
        return new TlcRunner().run(TlcRequest.builder(spec).config(cfg).workers(2).timeout(LIMIT)
                .workDir(tmp.resolve("local")).build());
    }

    private TlcResult distributed(Path spec, Path cfg, Consumer<String> output) throws IOException {
        int port = freePort();
        startWorkers(port, 2);
        return new TlcRunner().run(TlcRequest.builder(spec).config(cfg).timeout(LIMIT).workDir(tmp.resolve("dist"))
                .server(new TlcServerOptions(port, null, 2)).outputListener(output).build());
    }

    private void startWorkers(int port, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Path wtmp = Files.createDirectories(tmp.resolve("worker" + workers.size()));
            List<String> cmd = TlcWorkerRunner.command(new TlcWorkerRunner.Request("localhost", port, 1, null, null), wtmp);
            workers.add(new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(wtmp.resolve("out.txt").toFile()).start());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
