package dev.conform.conformance;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * The Raft implementation under random fault plans (partitions, loss, duplication, reordering,
 * crash and restart, clock skew): every run's trace must satisfy the Java invariants, and a
 * sample of them must also conform to specs/raft/TraceRaft.tla through TLC. Default: 200 seeds,
 * 20 through TLC; with {@code -Dconform.soak=true} (the {@code soak} profile): 10,000 seeds and
 * 200 through TLC. A failure prints the command that replays the run.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class RaftChaosConformanceTest {
    private static final boolean SOAK = Boolean.getBoolean("conform.soak");
    private static final int SEEDS = SOAK ? 10_000 : 200;
    private static final int TLC_SAMPLES = SOAK ? 200 : 20;
    private static final long STEPS = 2_000;
    /** TLC validates the whole trace the Java invariants checked (linear in its length: see docs/performance.md, section 3). */
    private static final long TLC_STEPS = STEPS;
    private static final String INTENSITY = "medium";

    @Test
    void everyChaosRunSatisfiesTheJavaInvariants() {
        List<String> failures = new ArrayList<>();
        long events = 0;
        long restarts = 0;
        long snapshots = 0;
        long commits = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RaftRuns.Run run = RaftRuns.chaos(seed, INTENSITY, STEPS);
            MemorySink sink = new MemorySink();
            run.simulate(sink);
            ReplayResult r = new ReplayEngine().replay(
                EventSource.of(sink.recordedHeader(), sink.events()), RaftRuns.invariants());
            if (!r.conforms()) {
                failures.add("seed " + seed + ": " + r.failure().message() + "\n  replay: " + run.replayCommand());
            }
            events += r.events();
            for (TraceEvent e : sink.events()) {
                if (e.kind() == EventKind.RESTART) {
                    restarts++;
                } else if ("TakeSnapshot".equals(e.action())) {
                    snapshots++;
                } else if ("AdvanceCommitIndex".equals(e.action())) {
                    commits++;
                }
            }
        }
        System.out.printf("raft chaos: %d seeds (%s, %d steps), %d events, %d restarts, %d snapshots, %d commit advances,"
            + " %d failures%n", SEEDS, INTENSITY, STEPS, events, restarts, snapshots, commits, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " runs violate the Java invariants:\n"
            + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        assertTrue(restarts > 0 && snapshots > 0, "sometimes: the runs restarted servers and took snapshots");
    }

    /** Seeds spread over the whole range, validated one after the other (one TLC at a time). */
    @Test
    void sampledChaosRunsConformToTheTraceSpec(@TempDir Path tmp) {
        List<String> failures = new ArrayList<>();
        long events = 0;
        long restarts = 0;
        long stride = Math.max(1, SEEDS / TLC_SAMPLES);
        for (int i = 0; i < TLC_SAMPLES; i++) {
            long seed = 1 + i * stride;
            RaftRuns.Run run = RaftRuns.chaos(seed, INTENSITY, TLC_STEPS);
            Path trace = RaftRuns.write(run, tmp.resolve("raft-" + seed + ".ndjson"));
            TlcValidation v = RaftRuns.tlcCheck(trace);
            if (!v.conforms()) {
                failures.add("seed " + seed + ": " + v.outcome() + " " + v.message() + " " + v.divergence()
                    + "\n  replay: " + run.replayCommand());
            }
            events += v.events();
            restarts += countRestarts(trace);
            System.out.printf("raft chaos seed %d through TLC: %s, %d events, %d ms%n", seed, v.outcome(), v.events(),
                v.duration().toMillis());
        }
        System.out.printf("raft chaos through TLC: %d traces (first %d steps), %d events, %d restarts, %d failures%n",
            TLC_SAMPLES, TLC_STEPS, events, restarts, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " runs do not conform to TraceRaft:\n"
            + String.join("\n", failures));
        assertTrue(restarts > 0, "sometimes: a validated trace restarts a server (with its persisted record)");
    }

    private static long countRestarts(Path trace) {
        long n = 0;
        try (TraceReader r = TraceReader.open(trace)) {
            for (TraceEvent e = r.next(); e != null; e = r.next()) {
                n += e.kind() == EventKind.RESTART && e.state() != null ? 1 : 0;
            }
        }
        return n;
    }
}
