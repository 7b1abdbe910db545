package dev.conform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.twopc.TwoPhaseAlgorithm;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TlcValidation.Outcome;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * Two-phase commit traces against {@code specs/twopc/TraceTwoPhase.tla} with real TLC: the
 * example traces get their documented verdicts, and runs of the Java implementation under
 * crashes, restarts and message loss conform to the spec.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoPhaseTraceConformanceTest {
    private static final Path DIR = Path.of("..", "specs", "twopc");
    private static final Path SPEC = DIR.resolve("TraceTwoPhase.tla");
    private static final Path CFG = DIR.resolve("TraceTwoPhase.cfg");

    @TempDir
    Path tmp;

    private static TlcValidation validate(Path trace) {
        return new TlcTraceValidator().validate(TraceValidationRequest.of(SPEC, trace).withConfig(CFG));
    }

    private static TlcValidation example(String name) {
        return validate(DIR.resolve("traces").resolve(name));
    }

    private static ReplayResult java(String name) {
        try (TraceReader r = TraceReader.open(DIR.resolve("traces").resolve(name))) {
            return TwoPhaseChaos.replay(EventSource.of(r));
        }
    }

    @Test
    void goodExampleTracesConform() {
        for (String name : new String[] {"good-commit.ndjson", "good-abort.ndjson", "good-coordinator-recovery.ndjson"}) {
            TlcValidation v = example(name);
            assertEquals(Outcome.CONFORMS, v.outcome(), name + ": " + v.message());
            assertTrue(java(name).conforms(), name + ": " + java(name).failure());
        }
    }

    @Test
    void mixedDecisionDivergesWhereTheParticipantAborts() {
        TlcValidation v = example("bad-mixed-decision.ndjson");
        assertEquals(Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(22, v.divergence().event());
        assertTrue(v.divergence().eventJson().contains("\"rmState\":\"aborted\""), v.divergence().eventJson());
        ReplayResult j = java("bad-mixed-decision.ndjson");
        assertEquals(22, j.failure().event(), j.failure().message());
    }

    @Test
    void commitWithoutAllYesVotesDivergesAtTheCommit() {
        TlcValidation v = example("bad-commit-without-yes.ndjson");
        assertEquals(Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(16, v.divergence().event());
        assertTrue(v.divergence().eventJson().contains("TMCommit"), v.divergence().eventJson());
        ReplayResult j = java("bad-commit-without-yes.ndjson");
        assertEquals(16, j.failure().event(), j.failure().message());
    }

    @Test
    void simulatedRunsWithCrashesAndLossConform() {
        FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(3, 1), new FaultEvent.Crash(6, 3),
                new FaultEvent.Restart(45, 3), new FaultEvent.Restart(90, 1));
        // One seed by default; -Dconform.soak=true walks twenty.
        int seeds = Boolean.getBoolean("conform.soak") ? 20 : 1;
        for (long seed = 1; seed <= seeds; seed++) {
            Path trace = tmp.resolve("twopc-" + seed + ".ndjson");
            SimConfig cfg = SimConfig.of(4, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(2_000)
                    .withMaxTime(400).withOptions(Options.empty().with("cooperative", true));
            try (NdjsonSink sink = new NdjsonSink(trace)) {
                new Simulator<>(new TwoPhaseAlgorithm(), cfg, plan, sink).run();
            }
            TlcValidation v = validate(trace);
            assertEquals(Outcome.CONFORMS, v.outcome(), "seed " + seed + ": " + v.message());
            assertTrue(v.events() > 30, "seed " + seed + " recorded only " + v.events() + " events");
        }
    }
}
