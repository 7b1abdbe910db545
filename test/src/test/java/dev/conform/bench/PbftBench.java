package dev.conform.bench;

import dev.conform.algorithms.paxos.PaxosAlgorithm;
import dev.conform.algorithms.pbft.Canonical;
import dev.conform.algorithms.pbft.KeyRing;
import dev.conform.algorithms.pbft.Keys;
import dev.conform.algorithms.pbft.PbftAlgorithm;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.pbft.Signer;
import dev.conform.algorithms.pbft.byzantine.PbftAdversary;
import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.TraceSink;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The cost of Byzantine fault tolerance: PBFT against Raft and Multi-Paxos on the same simulated
 * work, for f = 1 and f = 2. Crash-tolerant algorithms need 2f+1 servers for f faults (3 and 5),
 * PBFT 3f+1 (4 and 7). Every run has the same 2 key-value clients with {@code ops} commands each
 * (the same seeded workload, see {@code KvClientNode}; PBFT's client is Raft's on signed
 * requests), log compaction every 16 commands (snapshots; PBFT's checkpoints), the simulator's
 * reliable network (delays 1-10 ticks; {@code unreliable} adds its default loss and duplication)
 * and seed 1. PBFT is also run with one Byzantine backup that stays silent (the most a backup can
 * withhold). A row whose clients have not finished by tick {@code 200 * ops + 10,000} is reported
 * as such, untimed.
 *
 * <p>Per row, measured in one JVM with rounds alternating between the rows: committed requests per
 * CPU-second of the simulating thread and per wall second (best round, tracing off), messages
 * sent per committed request (all, and between servers only), and the run's length in simulated
 * ticks; then the ratio of PBFT's figures to Raft's at the same f. Each timed run must end exactly
 * as the observed (counting) run. Nothing is asserted. The table goes to stdout and, given a file,
 * into it (specs/pbft/BENCH.md).
 *
 * <p>Run from the repository root (classpath as in {@link JavaReplayBench}):
 * <pre>
 * java -cp test/target/test-classes:$(cat /tmp/conform-cp.txt) dev.conform.bench.PbftBench \
 *      [ops 50] [rounds 3] [seed 1] [reliable|unreliable] [out specs/pbft/BENCH.md]
 * </pre>
 */
public final class PbftBench {
    private PbftBench() {
    }

    /** One row: an algorithm on some servers, tolerating f faults of its kind, under a plan. */
    static final class Row {
        final String name;
        final Algorithm<?> algorithm;
        final int servers;
        final int f;
        final String faults;
        final FaultPlan plan;
        final Options options;
        NetSemantics net = NetSemantics.RELIABLE;
        RunResult observed;
        SendCounter sends;
        double bestCpu;
        double bestWall;

        Row(String name, Algorithm<?> algorithm, int servers, int f, String faults, FaultPlan plan, Options options) {
            this.name = name;
            this.algorithm = algorithm;
            this.servers = servers;
            this.f = f;
            this.faults = faults;
            this.plan = plan;
            this.options = options;
        }

        long requests() {
            return options.getInt("clients", 0) * (long) options.getInt("ops", 0);
        }

        SimConfig config(long seed) {
            return SimConfig.of(servers, seed).withNet(net).withMaxSteps(Long.MAX_VALUE)
                    .withMaxTime(200L * options.getInt("ops", 0) + 10_000).withOptions(options);
        }

        boolean finished() {
            return observed.reason() == StopReason.STOP_CONDITION;
        }
    }

    /** The rows for f = 1 and f = 2. */
    static List<Row> rows(int ops, NetSemantics net) {
        Options kv = Options.empty().with("clients", 2).with("ops", ops);
        Options crash = kv.with("snapshotEvery", 16);
        Options pbft = kv.with("checkpointEvery", 16);
        List<Row> rows = new ArrayList<>();
        for (int f = 1; f <= 2; f++) {
            int n = 3 * f + 1;
            rows.add(new Row("raft", new RaftAlgorithm(), 2 * f + 1, f, "crash", FaultPlan.none(), crash));
            rows.add(new Row("paxos", new PaxosAlgorithm(), 2 * f + 1, f, "crash", FaultPlan.none(), crash));
            rows.add(new Row("pbft", new PbftAlgorithm(), n, f, "Byzantine", FaultPlan.none(), pbft));
            rows.add(new Row("pbft, backup " + n + " silent", new PbftAlgorithm(), n, f, "Byzantine",
                    FaultPlan.of(new FaultEvent.Byzantine(0, n, List.of(PbftAdversary.SILENCE))), pbft));
        }
        rows.forEach(r -> r.net = net);
        return rows;
    }

    public static void main(String[] args) throws IOException {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        NetSemantics net = args.length > 3 ? NetSemantics.fromWire(args[3]) : NetSemantics.RELIABLE;
        if (net == null) {
            throw new IllegalArgumentException("net is reliable or unreliable, not " + args[3]);
        }
        Path out = args.length > 4 ? Path.of(args[4]) : null;
        List<Row> rows = measure(ops, rounds, seed, net);
        String table = table(rows, ops, rounds, seed);
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table);
        }
    }

    /** Observes every row once, then times them for {@code rounds} rounds (after one warm-up round). */
    static List<Row> measure(int ops, int rounds, long seed, NetSemantics net) {
        List<Row> rows = rows(ops, net);
        for (Row r : rows) {
            observe(r, seed);
        }
        for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up
            for (Row r : rows) {
                if (r.finished()) {
                    time(r, seed, round >= 0);
                }
            }
        }
        return rows;
    }

    private static <M> void observe(Row row, long seed) {
        @SuppressWarnings("unchecked")
        Algorithm<M> a = (Algorithm<M>) row.algorithm;
        SendCounter sends = new SendCounter(row.servers);
        row.observed = new Simulator<>(a, row.config(seed), row.plan, sends).run();
        row.sends = sends;
    }

    private static <M> void time(Row row, long seed, boolean record) {
        @SuppressWarnings("unchecked")
        Algorithm<M> a = (Algorithm<M>) row.algorithm;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RunResult r = new Simulator<>(a, row.config(seed), row.plan, TraceSink.noop()).run();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        if (!r.equals(row.observed)) {
            throw new IllegalStateException(row.name + " f=" + row.f + ": the timed run " + r
                    + " is not the observed run " + row.observed);
        }
        if (record) {
            row.bestCpu = Math.max(row.bestCpu, row.requests() / cpu);
            row.bestWall = Math.max(row.bestWall, row.requests() / wall);
        }
    }

    /**
     * What one Ed25519 signature and one verification cost here, to read PBFT's CPU figures by:
     * every statement a replica sends is signed once, and every statement it receives (embedded
     * ones included) is verified once. Both providers in the same JVM over the same statements, in
     * alternating rounds (best round each): BouncyCastle's through {@link Signer} and {@link KeyRing}
     * as PBFT uses it, and the JDK's {@code Signature} (which PBFT used before) on the same canonical
     * text, Base64 included, with a key of its own (Ed25519's cost does not depend on the key).
     */
    static String signatureCost() {
        int n = 200;
        List<Prepare> statements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statements.add(new Prepare(0, i, "d", 1, null));
        }
        double[] bc = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] jdk = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = -1; round < 3; round++) { // round -1 warms the JIT up
            best(bc, bouncyCastle(statements), round);
            best(jdk, jdk(statements), round);
        }
        return String.format(Locale.ROOT, "Ed25519 here, us per signature / per verification (best of 3 rounds of %d"
                + " statements each): BouncyCastle %s (PBFT's) %.0f / %.0f, the JDK's (%s) %.0f / %.0f: BouncyCastle"
                + " is %.1fx as fast to sign and %.1fx as fast to verify.%n", n, bouncyCastleVersion(), bc[0], bc[1],
                System.getProperty("java.version"), jdk[0], jdk[1], jdk[0] / bc[0], jdk[1] / bc[1]);
    }

    private static void best(double[] best, double[] round, int index) {
        if (index >= 0) {
            best[0] = Math.min(best[0], round[0]);
            best[1] = Math.min(best[1], round[1]);
        }
    }

    /** Mean us per signature and per verification through PBFT's own signer and key ring. */
    private static double[] bouncyCastle(List<Prepare> statements) {
        Signer signer = Keys.signer(1, 1);
        KeyRing ring = new KeyRing(1); // a fresh ring per round: it memoises verdicts
        ring.verify(signer.sign(new Prepare(0, -1, "w", 1, null))); // derives node 1's public key, untimed
        List<Prepare> signed = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Prepare p : statements) {
            signed.add(signer.sign(p));
        }
        long t1 = System.nanoTime();
        for (Prepare p : signed) {
            if (!ring.verify(p)) {
                throw new IllegalStateException("a fresh signature does not verify");
            }
        }
        long t2 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e3 / statements.size(), (t2 - t1) / 1e3 / statements.size()};
    }

    /** The same through the JDK's provider, as PBFT signed and verified before. */
    private static double[] jdk(List<Prepare> statements) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            List<String> sigs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (Prepare p : statements) {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(pair.getPrivate());
                s.update(Canonical.of(p).getBytes(StandardCharsets.UTF_8));
                sigs.add(Base64.getEncoder().encodeToString(s.sign()));
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < statements.size(); i++) {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(pair.getPublic());
                s.update(Canonical.of(statements.get(i)).getBytes(StandardCharsets.UTF_8));
                if (!s.verify(Base64.getDecoder().decode(sigs.get(i)))) {
                    throw new IllegalStateException("a fresh JDK signature does not verify");
                }
            }
            long t2 = System.nanoTime();
            return new double[] {(t1 - t0) / 1e3 / statements.size(), (t2 - t1) / 1e3 / statements.size()};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 in this JDK", e);
        }
    }

    /** The bcprov jar's version (its manifest's Bundle-Version), or "?" when it cannot be read. */
    private static String bouncyCastleVersion() {
        try (JarFile jar = new JarFile(Path.of(Ed25519.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            String v = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
            return v == null ? "?" : v;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "?";
        }
    }

    static String table(List<Row> rows, int ops, int rounds, long seed) {
        StringBuilder b = new StringBuilder();
        SimConfig any = rows.get(0).config(seed);
        b.append(String.format(Locale.ROOT, "# PBFT: the cost of Byzantine fault tolerance%n%n"
                + "Written by `dev.conform.bench.PbftBench` (test module): 2 clients x %d commands, seed %d, %s"
                + " net (delays %d-%d ticks, loss %d%%, duplication %d%%), compaction every 16 commands, best of %d"
                + " rounds; %s %s, %d CPUs, load average %.1f. Requests/s are of the simulator's thread (CPU) and"
                + " of the wall clock, tracing off; PBFT signs and verifies every statement with Ed25519 (BouncyCastle's).%n%n",
                ops, seed, any.net().wireName(), any.minDelay(), any.maxDelay(), any.lossPercent(), any.duplicatePercent(), rounds,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        b.append("| f | algorithm | servers | tolerates | requests/CPU-s | requests/s wall | msgs/request"
                + " | server msgs/request | run length (ticks) | msgs/request vs raft | requests/CPU-s vs raft |\n");
        b.append("|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Row raft = rows.stream().filter(x -> x.f == r.f && x.name.equals("raft")).findFirst().orElseThrow();
            if (!r.finished()) {
                b.append(String.format(Locale.ROOT, "| %d | %s | %d | %d %s | clients did not finish by tick %,d"
                        + " (%s) | | | | | | |%n", r.f, r.name, r.servers, r.f, r.faults, r.observed.time(),
                        r.observed.reason().name().toLowerCase(Locale.ROOT)));
                continue;
            }
            double msgs = r.sends.total() / (double) r.requests();
            double raftMsgs = raft.sends.total() / (double) raft.requests();
            double speed = r.bestCpu / raft.bestCpu;
            b.append(String.format(Locale.ROOT, "| %d | %s | %d | %d %s | %,.0f | %,.0f | %.1f | %.1f | %,d | %.1fx | %s |%n",
                    r.f, r.name, r.servers, r.f, r.faults, r.bestCpu, r.bestWall, msgs,
                    r.sends.betweenServers / (double) r.requests(), r.observed.time(), msgs / raftMsgs,
                    speed >= 0.1 ? String.format(Locale.ROOT, "%.2fx", speed)
                            : String.format(Locale.ROOT, "1/%,.0f", 1 / speed)));
        }
        b.append('\n');
        b.append(signatureCost()).append('\n');
        b.append(String.format(Locale.ROOT, "How to read it: PBFT's CPU figure is its signatures. Every statement a replica or client sends is signed"
                + " once, however many replicas it goes to, and every statement a replica receives is verified once"
                + " (KeyRing memoises repeats), so a request costs about as many verifications as it has messages, at the"
                + " cost above. The message counts are the protocol's: a PrePrepare to 3f backups, Prepares and Commits"
                + " all to all, a Reply from every replica, Checkpoints every 16 requests. Raft's messages per request are mostly heartbeats over the run"
                + " (AppendEntries and their responses), not per-request work; Multi-Paxos sends an Accept, an Accepted"
                + " and a Decide per command and server. A silent Byzantine backup makes PBFT cheaper, not slower: the"
                + " others still form 2f+1 quorums and verify fewer statements.%n")).append('\n');
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "- sends, %s (f = %d): %s%n", r.name, r.f, r.sends.sends));
        }
        return b.toString();
    }
}
