package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.twopc.TwoPhaseAlgorithm;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.BatchValidator;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of the two-phase commit implementation conform to {@code specs/twopc/TraceTwoPhase.tla}
 * (TLC, in batches) and to the Java replay: HIGH chaos plans on both networks, with and without
 * cooperative termination, and the coordinator crashed at every step of a run (at every tick of
 * it, coming back 40 ticks later or never).
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoPhaseGoodTracesTest {
    static final Path SPEC = Path.of("../specs/twopc/TraceTwoPhase.tla");
    static final List<Integer> SERVERS = List.of(1, 2, 3, 4);

    @TempDir
    Path tmp;

    private Path run(String name, FaultPlan plan, NetSemantics net, boolean cooperative, long seed) {
        Path out = tmp.resolve(name + ".ndjson");
        SimConfig cfg = SimConfig.of(SERVERS.size(), seed).withNet(net).withMaxSteps(4_000)
                .withOptions(Options.empty().with("cooperative", String.valueOf(cooperative)));
        try (NdjsonSink sink = new NdjsonSink(out)) {
            new Simulator<>(new TwoPhaseAlgorithm(), cfg, plan, sink).run();
        }
        return out;
    }

    private static List<TraceEvent> events(Path trace) {
        List<TraceEvent> out = new ArrayList<>();
        try (TraceReader r = TraceReader.open(trace)) {
            for (TraceEvent e = r.next(); e != null; e = r.next()) {
                out.add(e);
            }
        }
        return out;
    }

    private static void conformOnBothSides(List<Path> traces) {
        List<TraceValidationRequest> reqs = new ArrayList<>();
        for (Path t : traces) {
            try (TraceReader r = TraceReader.open(t)) {
                ReplayResult j = new ReplayEngine().replay(EventSource.of(r), InvariantRegistry.find("twopc").orElseThrow());
                assertTrue(j.conforms(), t.getFileName() + ": " + j.failure());
            }
            reqs.add(TraceValidationRequest.of(SPEC, t));
        }
        List<TlcValidation> v = new BatchValidator().validateAll(reqs);
        for (int i = 0; i < traces.size(); i++) {
            assertEquals(TlcValidation.Outcome.CONFORMS, v.get(i).outcome(), traces.get(i).getFileName() + ": " + v.get(i).message());
        }
    }

    @Test
    void highChaosOnBothNetworksWithAndWithoutCooperativeTermination() {
        List<Path> traces = new ArrayList<>();
        int crashes = 0;
        for (NetSemantics net : NetSemantics.values()) {
            for (boolean coop : List.of(true, false)) {
                for (long seed = 1; seed <= 4; seed++) {
                    FaultPlan plan = PlanGenerator.generate(seed, SERVERS, 500, Intensity.HIGH);
                    Path t = run("chaos-" + net + "-" + coop + "-" + seed, plan, net, coop, seed);
                    crashes += (int) events(t).stream().filter(e -> e.kind() == EventKind.CRASH).count();
                    traces.add(t);
                }
            }
        }
        assertTrue(crashes > 0, "the chaos plans crashed no node");
        conformOnBothSides(traces);
    }

    @Test
    void coordinatorCrashedAtEveryStep() {
        List<Path> traces = new ArrayList<>();
        Set<String> crashedAfter = new TreeSet<>();
        for (boolean coop : List.of(true, false)) {
            for (long at = 0; at <= 70; at++) {
                boolean returns = at % 10 != 5; // every tenth run the coordinator never comes back
                FaultPlan plan = returns
                        ? FaultPlan.of(new FaultEvent.Crash(at, 1), new FaultEvent.Restart(at + 40, 1))
                        : FaultPlan.of(new FaultEvent.Crash(at, 1));
                Path t = run("crash-" + coop + "-" + at, plan, NetSemantics.RELIABLE, coop, 1);
                String last = "(start)";
                for (TraceEvent e : events(t)) {
                    if (e.kind() == EventKind.CRASH) {
                        crashedAfter.add(last);
                        break;
                    }
                    if (e.kind() == EventKind.ACTION && e.node() == 1) {
                        last = e.action();
                    }
                }
                traces.add(t);
            }
        }
        assertTrue(crashedAfter.containsAll(List.of("TMPrepare", "TMRcvVote", "TMCommit", "TMRcvAck")),
                "the coordinator crashed only after " + crashedAfter);
        conformOnBothSides(traces);
    }
}
