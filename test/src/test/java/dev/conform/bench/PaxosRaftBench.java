package dev.conform.bench;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.TraceSink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-Paxos against Raft on the same simulated work: {@code servers} servers (5), 2 key-value
 * clients with {@code ops} commands each (the same seeded workload for both, see
 * {@code KvClientNode}), snapshots every 16 commands, the same timeouts (election 150-300 ticks,
 * heartbeat 50, client retry 400), the simulator's unreliable network (delays 1-10 ticks, 2% loss,
 * 1% duplication; or {@code reliable}) and seed 1. Two fault plans: quiet (none), and leader crash
 * (the server leading just before tick {@code crashAt} crashes then and restarts
 * {@code restartAfter} ticks later; the victim is found by a probe run of the same seed up to
 * that tick, so the plan is plain data).
 *
 * <p>For each algorithm and plan it prints, measured in the same JVM, rounds alternating between
 * the algorithms: committed commands per CPU-second of the simulating thread (best round, tracing
 * off) and per wall second; messages sent per committed command, all and between servers only;
 * client latency in simulated ticks (from a command's first send to its answer, retries included:
 * median, 99th percentile, max); the longest latency of the commands in flight at the crash;
 * ticks until another server leads; and the sends per message type. Then it repeats the leader
 * crash for seeds 1..{@code seeds} (20; 0: skip) without timing and prints the spread. Latency and message counts
 * come from one observed run per (algorithm, plan), which must end exactly as the timed runs do
 * (same steps, deliveries, sends and time).
 *
 * <p>Figures and their reading: specs/paxos/README.md. Run from the repository root (classpath
 * as in {@link JavaReplayBench}):
 * <pre>
 * java -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) dev.conform.bench.PaxosRaftBench \
 *      [ops 1000] [rounds 3] [servers 5] [crashAt 5000] [restartAfter 1000] [reliable|unreliable] [seed 1] [seeds 20]
 * </pre>
 */
public final class PaxosRaftBench {
    private static final List<Contender<?>> CONTENDERS = List.of(Contender.raft(), Contender.paxos());

    private PaxosRaftBench() {
    }

    /** One (algorithm, plan) row of the table. */
    private static final class Row {
        final Contender<?> contender;
        final String scenario;
        final FaultPlan plan;
        final int victim;
        RunResult observed;
        SendCounter sends;
        List<Long> latencies;
        long newLeaderAt = -1;
        long spanning = -1;
        double bestCpu;
        double bestWall;

        Row(Contender<?> contender, String scenario, FaultPlan plan, int victim) {
            this.contender = contender;
            this.scenario = scenario;
            this.plan = plan;
            this.victim = victim;
        }
    }

    public static void main(String[] args) {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int servers = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long crashAt = args.length > 3 ? Long.parseLong(args[3]) : 5_000;
        long restartAfter = args.length > 4 ? Long.parseLong(args[4]) : 1_000;
        NetSemantics net = args.length > 5 ? NetSemantics.fromWire(args[5])
            : NetSemantics.UNRELIABLE;
        if (net == null) {
            throw new IllegalArgumentException("net is reliable or unreliable, not " + args[5]);
        }
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 1;
        int seeds = args.length > 7 ? Integer.parseInt(args[7]) : 20;
        SimConfig cfg = SimConfig.of(servers, seed).withNet(net).withMaxSteps(Long.MAX_VALUE)
            .withOptions(Options.empty().with("clients", 2).with("ops", ops).with("snapshotEvery", 16));

        List<Row> rows = new ArrayList<>();
        for (Contender<?> c : CONTENDERS) {
            rows.add(new Row(c, "quiet", FaultPlan.none(), 0));
            rows.add(crashRow(c, cfg, crashAt, restartAfter));
        }
        for (Row r : rows) {
            observe(r, cfg, crashAt);
        }
        for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up
            for (Row r : rows) {
                time(r, cfg, round >= 0);
            }
        }
        print(rows, cfg, ops, crashAt, restartAfter, rounds);
        sweep(cfg, crashAt, restartAfter, seeds);
    }

    private static Row crashRow(Contender<?> c, SimConfig cfg, long crashAt, long restartAfter) {
        int victim = leaderBefore(c, cfg, crashAt);
        return new Row(c, "leader crash", FaultPlan.of(new FaultEvent.Crash(crashAt, victim),
            new FaultEvent.Restart(crashAt + restartAfter, victim)), victim);
    }

    /**
     * The leader-crash figures of one seed are one draw of the election timeouts and losses: this
     * repeats the observed crash run for seeds 1..{@code seeds} and prints their median and maximum.
     */
    private static void sweep(SimConfig cfg, long crashAt, long restartAfter, int seeds) {
        if (seeds < 1) {
            return;
        }
        System.out.println();
        System.out.printf("leader crash over seeds 1..%d (ticks):%n%n", seeds);
        System.out.println("| algorithm | new leader after crash p50 | max | in flight at crash p50 | max"
            + " | all commands p99 | msgs/commit p50 |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Contender<?> c : CONTENDERS) {
            List<Long> failover = new ArrayList<>();
            List<Long> spanning = new ArrayList<>();
            List<Long> p99 = new ArrayList<>();
            List<Double> msgs = new ArrayList<>();
            int never = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                SimConfig s = cfg.withSeed(seed);
                Row r = crashRow(c, s, crashAt, restartAfter);
                observe(r, s, crashAt);
                if (r.newLeaderAt < 0) {
                    never++;
                } else {
                    failover.add(r.newLeaderAt - crashAt);
                }
                spanning.add(r.spanning);
                List<Long> sorted = sorted(r.latencies);
                p99.add(rank(sorted, 0.99));
                msgs.add(r.sends.total() / (double) r.latencies.size());
            }
            failover.sort(null);
            spanning.sort(null);
            p99.sort(null);
            msgs.sort(null);
            System.out.printf("| %s | %s | %s | %d | %d | %d | %.2f |%n", c.name(),
                failover.isEmpty() ? "never" : Long.toString(rank(failover, 0.5)),
                failover.isEmpty() ? "never" : failover.get(failover.size() - 1) + (never > 0 ? " (" + never + " never)" : ""),
                rank(spanning, 0.5), spanning.get(spanning.size() - 1), rank(p99, 0.5),
                msgs.get((msgs.size() - 1) / 2));
        }
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }

    /** The server leading just before {@code crashAt}: a run of the same seed stopped at the tick before. */
    private static <M> int leaderBefore(Contender<M> c, SimConfig cfg, long crashAt) {
        Simulator<M> probe = new Simulator<>(c.algorithm(), cfg.withMaxTime(crashAt - 1), FaultPlan.none(),
            TraceSink.noop());
        probe.run();
        int leader = c.leader(probe);
        if (leader == 0) {
            throw new IllegalStateException(c.name() + ": no leader at tick " + (crashAt - 1) + "; pick another crashAt");
        }
        return leader;
    }

    private static <M> void observe(Row row, SimConfig cfg, long crashAt) {
        @SuppressWarnings("unchecked")
        Contender<M> c = (Contender<M>) row.contender;
        ObservedAlgorithm<M> alg = new ObservedAlgorithm<>(c, crashAt, row.victim);
        SendCounter sends = new SendCounter(cfg.servers());
        RunResult r = new Simulator<>(alg, cfg, row.plan, sends).run();
        if (r.reason() != StopReason.STOP_CONDITION) {
            throw new IllegalStateException(c.name() + " " + row.scenario + ": clients did not finish: " + r);
        }
        if (row.victim != 0 && r.time() <= row.plan.events().get(1).at()) {
            throw new IllegalStateException(c.name() + ": run ended at tick " + r.time()
                + " before the restart; use more ops or an earlier crashAt");
        }
        row.observed = r;
        row.sends = sends;
        row.latencies = alg.latencies();
        row.newLeaderAt = alg.newLeaderAt;
        row.spanning = row.victim == 0 ? -1 : alg.longestSpanning(crashAt);
    }

    /** One untraced run, timed by the simulating thread's CPU time and by the wall clock. */
    private static <M> void time(Row row, SimConfig cfg, boolean record) {
        @SuppressWarnings("unchecked")
        Contender<M> c = (Contender<M>) row.contender;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RunResult r = new Simulator<>(c.algorithm(), cfg, row.plan, TraceSink.noop()).run();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        if (!r.equals(row.observed)) {
            throw new IllegalStateException(c.name() + " " + row.scenario + ": the timed run " + r
                + " is not the observed run " + row.observed);
        }
        if (record) {
            long commands = row.latencies.size();
            row.bestCpu = Math.max(row.bestCpu, commands / cpu);
            row.bestWall = Math.max(row.bestWall, commands / wall);
        }
    }

    private static void print(List<Row> rows, SimConfig cfg, int ops, long crashAt, long restartAfter, int rounds) {
        System.out.printf("%d servers, 2 clients x %d commands, seed %d, %s net (loss %d%%, duplication %d%%);"
                + " leader crash at tick %d, restart %d ticks later; best of %d rounds; %s %s, %d CPUs,"
                + " load average %.1f%n",
            cfg.servers(), ops, cfg.seed(), cfg.net().wireName(), cfg.lossPercent(), cfg.duplicatePercent(),
            crashAt, restartAfter, rounds, System.getProperty("java.vm.name"),
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println("| algorithm | plan | commits/CPU-s | commits/s wall | msgs/commit | server msgs/commit"
            + " | latency p50 | p99 | max (ticks) | in flight at crash | new leader after crash | run length (ticks) |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            long commands = r.latencies.size();
            List<Long> sorted = sorted(r.latencies);
            String failover = r.victim == 0 ? "-" : r.newLeaderAt < 0 ? "never"
                : (r.newLeaderAt - r.plan.events().get(0).at()) + " ticks (victim " + r.victim + ")";
            System.out.printf("| %s | %s | %,.0f | %,.0f | %.2f | %.2f | %d | %d | %d | %s | %s | %,d |%n",
                r.contender.name(), r.scenario, r.bestCpu, r.bestWall, r.sends.total() / (double) commands,
                r.sends.betweenServers / (double) commands, rank(sorted, 0.50), rank(sorted, 0.99),
                sorted.get(sorted.size() - 1), r.spanning < 0 ? "-" : Long.toString(r.spanning), failover,
                r.observed.time());
        }
        System.out.println();
        for (Row r : rows) {
            System.out.printf("sends, %s %s: %s%n", r.contender.name(), r.scenario, r.sends.sends);
        }
    }

    /** Nearest-rank percentile of an ascending list. */
    private static long rank(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, i));
    }
}
