package dev.conform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.twopc.TwoPhaseAlgorithm;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.invariants.twopc.TwoPhaseBatch;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TlcValidation.Outcome;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * The two-phase commit pairing under seeded chaos: every run holds the Java invariants, the batch
 * shows both a commit and an abort, a sample also conforms to {@code TraceTwoPhase.tla} under TLC,
 * each teaching flaw is caught by a seeded search, and a coordinator that never returns leaves
 * the participants blocked, which is reported and not counted as a failure.
 * {@code -Dconform.soak=true} walks 2,000 seeds instead of 200 and sends 20 through TLC.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class TwoPhaseChaosConformanceTest {
    private static final boolean SOAK = Boolean.getBoolean("conform.soak");
    private static final int SEEDS = SOAK ? 2_000 : 200;
    private static final int TLC_SAMPLE = SOAK ? 20 : 5;
    private static final Path DIR = Path.of("..", "specs", "twopc");

    @TempDir
    Path tmp;

    private static TlcValidation tlc(Path trace) {
        return new TlcTraceValidator().validate(TraceValidationRequest.of(DIR.resolve("TraceTwoPhase.tla"), trace)
                .withTimeout(Duration.ofMinutes(5)));
    }

    @Test
    void seededChaosRunsHoldTheJavaInvariantsAndASampleConformsUnderTlc() {
        TwoPhaseBatch batch = new TwoPhaseBatch();
        List<Path> sample = new ArrayList<>();
        long stride = SEEDS / TLC_SAMPLE;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario s = TwoPhaseChaos.scenario(seed, TwoPhaseChaos.HORIZON, TwoPhaseChaos.OPTIONS);
            TwoPhaseChaos.Checked c;
            if (seed % stride == 1 && sample.size() < TLC_SAMPLE) {
                Path trace = tmp.resolve("twopc-chaos-" + seed + ".ndjson");
                sample.add(trace);
                c = TwoPhaseChaos.toFile(s, trace, batch);
            } else {
                c = TwoPhaseChaos.inMemory(s, batch);
            }
            assertTrue(c.result().conforms(), "seed " + seed + ": " + c.result().failure()
                    + "\nreplay: " + s.replayCommand(null));
        }
        System.out.println("twopc chaos: " + batch.summary());
        for (ReplayResult.InvariantVerdict v : batch.verdicts()) {
            assertTrue(v.passed(), v.detail() + " (" + batch.summary() + ")");
        }
        for (Path trace : sample) {
            TlcValidation v = tlc(trace);
            assertEquals(Outcome.CONFORMS, v.outcome(), trace.getFileName() + ": " + v.message());
        }
    }

    @Test
    void commitBeforeAllVotesIsCaught() {
        catchFlaw(TwoPhaseAlgorithm.FLAW_COMMIT_BEFORE_ALL_VOTES, "CommitValidity");
    }

    @Test
    void forgetVoteOnRestartIsCaught() {
        catchFlaw(TwoPhaseAlgorithm.FLAW_FORGET_VOTE_ON_RESTART, "Consistency");
    }

    /**
     * Walks seeds with the flaw on until the Java invariants reject a run (it must be the
     * invariant the flaw breaks), then checks that TLC rejects that same run too.
     */
    private void catchFlaw(String flaw, String invariant) {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Scenario s = TwoPhaseChaos.scenario(seed, TwoPhaseChaos.HORIZON, TwoPhaseChaos.OPTIONS.withFlaw(flaw));
            Path trace = tmp.resolve(flaw + "-" + seed + ".ndjson");
            TwoPhaseChaos.Checked c = TwoPhaseChaos.toFile(s, trace, new TwoPhaseBatch());
            if (c.result().conforms()) {
                continue;
            }
            System.out.println("twopc flaw " + flaw + ": caught at seed " + seed + " (" + seed + " runs): "
                    + c.result().failure().message());
            // the replay of the spec's steps rejects the flawed step itself, or the invariant it breaks fails
            String by = c.result().failure().invariant();
            assertTrue(by == null || by.equals(invariant), c.result().failure().message());
            TlcValidation v = tlc(trace);
            assertFalse(v.conforms(), "TLC accepted the flawed run of seed " + seed);
            assertEquals(Outcome.DIVERGES, v.outcome(), v.message());
            assertTrue(v.divergence().event() <= c.result().failure().event(),
                    "TLC diverges at event " + v.divergence().event() + ", after the Java failure at "
                            + c.result().failure().event());
            return;
        }
        throw new AssertionError("flaw " + flaw + " not caught in " + SEEDS + " seeds");
    }

    @Test
    void coordinatorCrashedForEverLeavesParticipantsBlockedAndItIsReportedNotFailed() {
        SimConfig cfg = SimConfig.of(TwoPhaseChaos.SERVERS, 5).withMaxSteps(2_000).withMaxTime(400);
        Scenario s = new Scenario(new TwoPhaseAlgorithm(), cfg, FaultPlan.of(new FaultEvent.Crash(3, 1)));
        Path trace = tmp.resolve("coordinator-gone.ndjson");
        TwoPhaseBatch batch = new TwoPhaseBatch();
        TwoPhaseChaos.Checked c = TwoPhaseChaos.toFile(s, trace, batch);
        assertTrue(c.result().conforms(), String.valueOf(c.result().failure()));
        String report = c.end().blocking().orElseThrow(() -> new AssertionError("no blocking reported: " + c.end()));
        System.out.println("twopc coordinator crashed for ever: " + report);
        assertTrue(report.startsWith("blocked: participants [2, 3, 4] voted yes and remain uncertain while coordinator 1 is down"),
                report);
        assertTrue(report.contains("not a safety violation"), report);
        assertEquals(1, batch.blocked());
        assertEquals(List.of(2, 3, 4), List.copyOf(c.end().uncertain()));
        TlcValidation v = tlc(trace);
        assertEquals(Outcome.CONFORMS, v.outcome(), v.message());
    }
}
