package dev.conform.bench;

import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.NdjsonSink;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Raft simulator throughput: 5 servers and 2 KV clients with {@code ops} commands each (election,
 * replication, snapshots every 16 entries, heartbeats), no faults, run with tracing off and with
 * NDJSON tracing to a file. Prints deliveries per second of each and their ratio.
 *
 * <p>Run: {@code java -cp <test classpath> dev.conform.bench.RaftSimBench [ops] [rounds]}.
 */
public final class RaftSimBench {
    private RaftSimBench() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("raftsimbench", ".ndjson");
        try {
            run(200, TraceSink.noop());
            try (NdjsonSink s = new NdjsonSink(file)) {
                run(100, s);
            }
            double bestOff = 0;
            double bestOn = 0;
            long bytes = 0;
            for (int r = 0; r < rounds; r++) {
                bestOff = Math.max(bestOff, measure("tracing off   ", ops, TraceSink.noop()));
                try (NdjsonSink s = new NdjsonSink(file)) {
                    bestOn = Math.max(bestOn, measure("tracing ndjson", ops / 4, s));
                }
                bytes = Files.size(file);
            }
            System.out.printf("raft 5 servers, best tracing off:    %,.0f deliveries/s%n", bestOff);
            System.out.printf("raft 5 servers, best tracing ndjson: %,.0f deliveries/s (last trace %,d bytes)%n",
                bestOn, bytes);
            System.out.printf("ratio off/on: %.1fx%n", bestOff / bestOn);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double measure(String label, int ops, TraceSink sink) {
        long t0 = System.nanoTime();
        RunResult r = run(ops, sink);
        double secs = (System.nanoTime() - t0) / 1e9;
        double rate = r.deliveries() / secs;
        System.out.printf("%s: %,d deliveries, %,d steps in %.2f s = %,.0f deliveries/s (%s)%n",
            label, r.deliveries(), r.steps(), secs, rate, r.reason());
        return rate;
    }

    private static RunResult run(int ops, TraceSink sink) {
        Options o = Options.empty().with("clients", 2).with("ops", ops).with("snapshotEvery", 16);
        SimConfig cfg = SimConfig.of(5, 1).withNet(NetSemantics.UNRELIABLE).withMaxSteps(Long.MAX_VALUE).withOptions(o);
        return new Simulator<RaftMessage>(new RaftAlgorithm(), cfg, FaultPlan.none(), sink).run();
    }
}
