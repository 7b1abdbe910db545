package dev.conform.cli;

import static dev.conform.cli.RunCommandTest.conform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pingcounter.PingCounterAlgorithm;
import dev.conform.cli.RunCommandTest.Outcome;
import dev.conform.runtime.Adversary;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.FaultPlans;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.io.NdjsonSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Byzantine fault event end to end: the CLI refuses it for an algorithm that tolerates none,
 * and a trace holding one passes TraceNet.tla (TLC) and TraceNetwork (Java) exactly when the event
 * is the plan's, on its node. The run is PingCounter's with a Byzantine server whose adversary
 * sends what the honest code asked for, so the trace spec, which checks it as honest, passes it.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ByzantineTraceTest {
    private static final String SPEC = Path.of("../specs/pingcounter/TracePingCounter.tla").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    /** PingCounter, tolerating two Byzantine servers whose adversaries are honest. */
    static final class ToleratingPingCounter implements Algorithm<dev.conform.algorithms.pingcounter.Ping> {
        private final PingCounterAlgorithm ping = new PingCounterAlgorithm();

        @Override
        public String name() {
            return ping.name();
        }

        @Override
        public Class<dev.conform.algorithms.pingcounter.Ping> messageType() {
            return ping.messageType();
        }

        @Override
        public Node<dev.conform.algorithms.pingcounter.Ping> create(int id, List<Integer> servers, Object persisted,
                                                                  Options options) {
            return ping.create(id, servers, persisted, options);
        }

        @Override
        public Class<?> persistedType() {
            return ping.persistedType();
        }

        @Override
        public Set<String> optionKeys() {
            return ping.optionKeys();
        }

        @Override
        public NetSemantics defaultNet() {
            return ping.defaultNet();
        }

        @Override
        public Options resolveOptions(Options options, long seed) {
            return ping.resolveOptions(options, seed);
        }

        @Override
        public StopCondition<dev.conform.algorithms.pingcounter.Ping> stopCondition(Options options) {
            return ping.stopCondition(options);
        }

        @Override
        public int byzantineTolerance(List<Integer> servers, Options options) {
            return 2;
        }

        @Override
        public Set<String> byzantineBehaviours() {
            return Set.of("mirror");
        }

        @Override
        public Adversary<dev.conform.algorithms.pingcounter.Ping> adversary(Adversary.Setup setup) {
            return (received, honest) -> honest;
        }
    }

    private Path simulate(FaultPlan plan) throws Exception {
        Path trace = dir.resolve("byz.ndjson");
        SimConfig cfg = SimConfig.of(3, 5).withNet(NetSemantics.UNRELIABLE).withMaxSteps(2_000);
        try (NdjsonSink sink = new NdjsonSink(trace)) {
            new Simulator<>(new ToleratingPingCounter(), cfg, plan, sink).run();
        }
        return trace;
    }

    @Test
    void theCliRefusesAByzantineServerForAnAlgorithmThatToleratesNone() throws Exception {
        Path plan = dir.resolve("plan.json");
        FaultPlans.write(FaultPlan.of(new FaultEvent.Byzantine(3, 2, List.of("equivocate"))), plan);
        Outcome o = conform("run", "raft", "--plan", plan.toString(), "--out", dir.resolve("t.ndjson").toString());
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("byzantine at 3 of node 2: raft tolerates no Byzantine servers"), o.err());
    }

    @Test
    void aByzantineFaultPassesTlcAndJavaOnlyAsThePlansEventOnItsNode() throws Exception {
        Path trace = simulate(FaultPlan.of(new FaultEvent.Byzantine(0, 2, List.of("mirror")),
                new FaultEvent.Crash(4, 2), new FaultEvent.Byzantine(6, 3, List.of("mirror")), new FaultEvent.Restart(9, 2)));
        String text = Files.readString(trace);
        assertTrue(text.contains("\"kind\":\"fault\",\"action\":\"byzantine\""), "the fault is recorded");
        for (String mode : List.of("--java-only", "--tlc-only")) {
            Outcome ok = conform("validate", "--spec", SPEC, "--trace", trace.toString(), mode);
            assertEquals(0, ok.code(), mode + ": " + ok.out() + ok.err());
        }
        // the same events against a header whose plan names another node for the first one
        Path moved = dir.resolve("moved.ndjson");
        String header = text.substring(0, text.indexOf('\n'));
        Files.writeString(moved, header.replace("{\"type\":\"byzantine\",\"at\":0,\"node\":2,",
                "{\"type\":\"byzantine\",\"at\":0,\"node\":1,") + text.substring(text.indexOf('\n')));
        assertTrue(!Files.readString(moved).equals(text), "the header changed");
        for (String mode : List.of("--java-only", "--tlc-only")) {
            Outcome bad = conform("validate", "--spec", SPEC, "--trace", moved.toString(), mode);
            assertEquals(1, bad.code(), mode + ": " + bad.out() + bad.err());
        }
    }
}
