package dev.conform.bench;

import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;

import java.nio.file.Path;

/**
 * Raft traces for the validation benchmarks: a seeded 3-server simulation with 2 KV clients,
 * snapshots every 16 entries and no faults, sized by the number of client commands. Twice the
 * commands give about twice the events, so n vs 2n ratios measure how validation scales.
 */
final class RaftBenchTraces {
    private RaftBenchTraces() {
    }

    /**
     * Writes the trace of a run with {@code ops} commands per client; returns its event count.
     * The step budget is finite because the header records it and TLC reads 32-bit integers only.
     */
    static long write(Path file, int ops, long seed) {
        Options o = Options.empty().with("clients", 2).with("ops", ops).with("snapshotEvery", 16);
        SimConfig cfg = SimConfig.of(3, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(100_000_000)
            .withOptions(o);
        try (NdjsonSink sink = new NdjsonSink(file)) {
            new Simulator<RaftMessage>(new RaftAlgorithm(), cfg, FaultPlan.none(), sink).run();
        }
        long n = 0;
        try (TraceReader r = TraceReader.open(file)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }
}
