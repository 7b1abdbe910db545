package dev.conform.conformance;

import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seeded chaos runs of the Raft implementation and their checks, shared by the Raft conformance
 * tests. A run is fully described by (seed, intensity, horizon, steps, options, flaws), which is
 * also what {@link #replayCommand} prints for a failing run.
 */
final class RaftRuns {
    static final int SERVERS = 3;
    static final long HORIZON = 1_000;
    /** Small timeouts so that elections, replication and faults all fit in a short run. */
    static final Options OPTIONS = Options.empty().with("clients", 2).with("ops", 4).with("snapshotEvery", 4)
        .with("electionMin", 40).with("electionMax", 80).with("heartbeat", 15).with("retry", 120);

    private RaftRuns() {
    }

    /** One chaos run's parameters. */
    record Run(long seed, Intensity intensity, String intensityName, long steps, Options options) {
        FaultPlan plan() {
            return PlanGenerator.generate(seed, servers(), HORIZON, intensity);
        }

        SimConfig config() {
            return SimConfig.of(SERVERS, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(steps).withOptions(options);
        }

        RunResult simulate(TraceSink sink) {
            return simulate(sink, plan());
        }

        RunResult simulate(TraceSink sink, FaultPlan plan) {
            return new Simulator<RaftMessage>(new RaftAlgorithm(), config(), plan, sink).run();
        }

        Run withFlaw(String flaw) {
            return new Run(seed, intensity, intensityName, steps, options.withFlaw(flaw));
        }

        Run withSeed(long s) {
            return new Run(s, intensity, intensityName, steps, options);
        }

        /** The CLI commands that reproduce this run's trace and check it. */
        String replayCommand() {
            StringBuilder b = new StringBuilder("./conform run raft --seed ").append(seed)
                .append(" --chaos ").append(intensityName).append(" --horizon ").append(HORIZON)
                .append(" --steps ").append(steps).append(" --servers ").append(SERVERS).append(" --net unreliable");
            for (String f : options.flaws()) {
                b.append(" --flaw ").append(f);
            }
            options.values().forEach((k, v) -> b.append(" --option ").append(k).append('=').append(v));
            String out = "/tmp/raft-" + seed + ".ndjson";
            return b.append(" --out ").append(out).append(" && ./conform validate --spec specs/raft/TraceRaft.tla --trace ")
                .append(out).toString();
        }
    }

    static Run chaos(long seed, String intensity, long steps) {
        return new Run(seed, Intensity.named(intensity), intensity.toLowerCase(Locale.ROOT), steps, OPTIONS);
    }

    static List<Integer> servers() {
        List<Integer> s = new ArrayList<>();
        for (int i = 1; i <= SERVERS; i++) {
            s.add(i);
        }
        return s;
    }

    static InvariantSet<?> invariants() {
        return InvariantRegistry.find("raft").orElseThrow(() -> new AssertionError("no raft invariants registered"));
    }

    /** Runs in memory and replays the Java invariants. */
    static ReplayResult javaCheck(Run run) {
        MemorySink sink = new MemorySink();
        run.simulate(sink);
        return new ReplayEngine().replay(EventSource.of(sink.recordedHeader(), sink.events()), invariants());
    }

    /** Replays a trace file through the Java invariants. */
    static ReplayResult javaCheck(Path trace) {
        try (TraceReader r = TraceReader.open(trace)) {
            return new ReplayEngine().replay(EventSource.of(r), invariants());
        }
    }

    static Path write(Run run, Path file) {
        try (NdjsonSink sink = new NdjsonSink(file)) {
            run.simulate(sink);
        }
        return file;
    }

    static Path specs() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("specs/raft"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("specs/raft not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("specs/raft");
    }

    /** TLC trace validation with TraceRaft (Flaw = "None"), one worker, own metadir. */
    static TlcValidation tlcCheck(Path trace) {
        Path dir = specs();
        return new TlcTraceValidator().validate(TraceValidationRequest.of(dir.resolve("TraceRaft.tla"), trace)
            .withTimeout(Duration.ofMinutes(5)));
    }
}
