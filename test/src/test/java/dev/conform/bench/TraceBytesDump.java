package dev.conform.bench;

import dev.conform.algorithms.broadcast.BroadcastAlgorithm;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.NodeFailure;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.io.NdjsonSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes chaos traces (HIGH intensity, the gate's plan generator) of the named algorithms for
 * seeds 1..4 into a folder (at the default size, at 7 servers, and at 7 servers on a reliable
 * network, whose links are FIFO), so two builds of the simulator can be compared byte for byte
 * ({@code diff -r}).
 *
 * <p>Run: {@code java -cp <test classpath> dev.conform.bench.TraceBytesDump <dir> [algo...]}.
 */
public final class TraceBytesDump {
    private TraceBytesDump() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        List<String> algos = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("raft", "paxos", "twopc", "crdt", "pingcounter");
        for (String name : algos) {
            Algorithm<?> a = name.equals("broadcast") ? new BroadcastAlgorithm() : Algorithms.byName(name);
            for (int servers : new int[] {a.defaultServers(), 7}) {
                for (NetSemantics net : new NetSemantics[] {a.defaultNet(), NetSemantics.RELIABLE}) {
                    if (net == NetSemantics.RELIABLE && (servers != 7 || a.defaultNet() == net)) {
                        continue; // reliable (FIFO) links once per algorithm, at 7 servers
                    }
                    for (long seed = 1; seed <= 4; seed++) {
                        Path out = dir.resolve(name + "-n" + servers + "-" + net.wireName() + "-s" + seed + ".ndjson");
                        write(a, servers, net, seed, out);
                        System.out.printf("%s %,d bytes%n", out.getFileName(), Files.size(out));
                    }
                }
            }
        }
    }

    private static <M> void write(Algorithm<M> a, int servers, NetSemantics net, long seed, Path out)
            throws Exception {
        SimConfig cfg = new SimConfig(servers, seed, net, 20_000, Long.MAX_VALUE, 1, 10, 0, 0,
                Options.empty()).withNet(net);
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            ids.add(i);
        }
        FaultPlan plan = PlanGenerator.generate(seed, ids, 3_000, Intensity.HIGH);
        try (NdjsonSink sink = new NdjsonSink(out)) {
            new Simulator<>(a, cfg, plan, sink).run();
        } catch (NodeFailure e) {
            Files.writeString(out, "\nfailure: " + e.getMessage() + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
    }
}
