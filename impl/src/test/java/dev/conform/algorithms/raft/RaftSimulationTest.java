package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.io.BackgroundNdjsonSink;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Raft on the deterministic simulator, with seeded faults, judged from its traces by the gate's invariants. */
class RaftSimulationTest {
    private static final Options OPTIONS = Options.empty().with("snapshotEvery", 4).with("ops", 30);

    private static SimConfig config(long seed, Options options) {
        return config(3, seed, options);
    }

    private static SimConfig config(int servers, long seed, Options options) {
        return SimConfig.of(servers, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(200_000)
                .withOptions(options);
    }

    private static FaultPlan plan(long seed) {
        return PlanGenerator.generate(seed, List.of(1, 2, 3), 2_000, Intensity.MEDIUM);
    }

    @Test
    void isRegistered() {
        assertInstanceOf(RaftAlgorithm.class, Algorithms.byName("raft"));
    }

    /**
     * Seeded runs with faults, loss and snapshots, 3 and 5 servers: every workload completes and
     * the trace conforms to the gate's raft invariants (which also check each client reply against
     * the committed log); across the seeds snapshots are taken and installed and servers restart.
     */
    @Test
    void workloadsCompleteSafelyUnderSeededFaults() {
        List<String> failures = new ArrayList<>();
        Map<String, Long> actions = new HashMap<>();
        int restarts = 0;
        long steps = 0;
        for (int servers : List.of(3, 5)) {
            for (long seed = 1; seed <= 12; seed++) {
                ListSink sink = new ListSink();
                SimConfig cfg = config(servers, seed, OPTIONS);
                Simulator<RaftMessage> sim = new Simulator<>(new RaftAlgorithm(),
                        servers == 5 ? cfg.withRates(5, 1) : cfg, PlanGenerator.generate(seed, ids(servers), 2_000, Intensity.MEDIUM), sink);
                RunResult r = sim.run();
                for (int c : sim.clients()) {
                    assertEquals(30, ((KvClientNode<?>) sim.node(c)).history().size());
                }
                ReplayResult v = Verdicts.judge(sink);
                if (r.reason() != StopReason.STOP_CONDITION || !v.conforms()
                        || !v.coverage().reached().get("LeaderElected")) {
                    failures.add(servers + " servers, seed " + seed + ": " + r + " " + Verdicts.describe(v));
                }
                steps += r.steps();
                v.coverage().actions().forEach((a, k) -> actions.merge(a, k, Long::sum));
                restarts += sink.of(EventKind.RESTART).size();
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
        long snapshots = actions.getOrDefault("TakeSnapshot", 0L);
        long installs = actions.getOrDefault("HandleInstallSnapshot", 0L);
        assertTrue(snapshots > 0 && installs > 0 && restarts > 0,
                "sometimes: snapshots taken and installed, restarts happened");
        System.out.printf("raft sim: 24 seeded runs, %d steps, %d snapshots, %d snapshot installs, %d restarts%n",
                steps, snapshots, installs, restarts);
    }

    private static List<Integer> ids(int servers) {
        return servers == 5 ? List.of(1, 2, 3, 4, 5) : List.of(1, 2, 3);
    }

    /**
     * Without faults one client's writes commit on 3 and on 5 servers, and every server's store
     * is the leader's log replayed up to the index it applied (a lagging follower is a prefix).
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 5})
    void electsALeaderAndCommitsClientWrites(int n) {
        ListSink sink = new ListSink();
        Options o = Options.empty().with("clients", 1).with("ops", 20).with("snapshotEvery", 0);
        Simulator<RaftMessage> sim = new Simulator<>(new RaftAlgorithm(),
                SimConfig.of(n, 7).withMaxSteps(200_000).withOptions(o), FaultPlan.none(), sink);
        assertEquals(StopReason.STOP_CONDITION, sim.run().reason());
        ReplayResult v = Verdicts.judge(sink);
        assertTrue(v.conforms(), Verdicts.describe(v));
        assertEquals(List.of(), v.coverage().unreached(), "a leader was elected and entries committed");
        assertEquals(20, ((KvClientNode<?>) sim.node(sim.clients().get(0))).history().size());
        RaftNode leader = null;
        for (int s : sim.servers()) {
            RaftNode r = (RaftNode) sim.node(s);
            if (r.role() == Role.Leader && (leader == null || r.currentTerm() > leader.currentTerm())) {
                leader = r;
            }
        }
        for (int s : sim.servers()) {
            RaftNode r = (RaftNode) sim.node(s);
            KvStateMachine replay = new KvStateMachine();
            for (long i = 1; i <= r.lastApplied(); i++) {
                replay.apply(leader.entry(i).value());
            }
            assertEquals(replay.contents(), ((KvStateMachine) r.stateMachine()).contents(), "server " + s);
        }
    }

    /**
     * An action records the log exactly when it changed it: folding the recorded logs (keeping
     * the previous one when absent) gives, at every restart, the persisted log and, at the end,
     * every live server's log; and a recorded log always differs from the previous one.
     */
    @Test
    void actionsRecordTheLogExactlyWhenTheyChangeIt() {
        int omitted = 0;
        int recorded = 0;
        for (long seed = 1; seed <= 6; seed++) {
            ListSink sink = new ListSink();
            Simulator<RaftMessage> sim = new Simulator<>(new RaftAlgorithm(), config(seed, OPTIONS),
                    plan(seed), sink);
            sim.run();
            Map<Integer, List<Object>> folded = new HashMap<>();
            for (TraceEvent e : sink.events) {
                if (e.kind() == EventKind.RESTART) {
                    RaftPersistentState p = e.state() == null ? RaftPersistentState.initial()
                            : (RaftPersistentState) e.state();
                    assertEquals(logOf(p.snapshotIndex(), p.log()), folded.getOrDefault(e.node(), logOf(0, List.of())),
                            "seed " + seed + " " + e);
                } else if (e.kind() == EventKind.ACTION) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> st = (Map<String, Object>) e.state();
                    List<Object> before = folded.getOrDefault(e.node(), logOf(0, List.of()));
                    if (st.containsKey("log")) {
                        recorded++;
                        List<Object> now = List.of(st.get("snapshotIndex"), st.get("log"));
                        assertTrue(!now.equals(before), "seed " + seed + ": log recorded unchanged " + e);
                        folded.put(e.node(), now);
                    } else {
                        omitted++;
                        assertEquals(before.get(0), st.get("snapshotIndex"), "seed " + seed + " " + e);
                        folded.put(e.node(), before);
                    }
                }
            }
            for (int id : sim.servers()) {
                if (sim.node(id) instanceof RaftNode n) {
                    List<LogEntry> entries = new ArrayList<>();
                    for (long i = n.snapshotIndex() + 1; i <= n.lastLogIndex(); i++) {
                        entries.add(n.entry(i));
                    }
                    assertEquals(logOf(n.snapshotIndex(), entries), folded.getOrDefault(id, logOf(0, List.of())),
                            "seed " + seed + " server " + id);
                }
            }
        }
        assertTrue(omitted > recorded, "most actions leave the log alone: " + omitted + " vs " + recorded);
    }

    /** (snapshotIndex, entries) in the form an action records them. */
    private static List<Object> logOf(long snapshotIndex, List<LogEntry> entries) {
        List<Object> log = new ArrayList<>();
        for (LogEntry e : entries) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("term", e.term());
            m.put("value", e.value());
            log.add(m);
        }
        return List.of(snapshotIndex, log);
    }

    @Test
    void sameSeedAndPlanGiveTheSameTrace() {
        ListSink a = new ListSink();
        ListSink b = new ListSink();
        Options small = OPTIONS.with("ops", 8);
        new Simulator<>(new RaftAlgorithm(), config(5, small), plan(5), a).run();
        new Simulator<>(new RaftAlgorithm(), config(5, small), plan(5), b).run();
        assertEquals(a.events.size(), b.events.size());
        assertEquals(a.events.toString(), b.events.toString());
        ListSink c = new ListSink();
        new Simulator<>(new RaftAlgorithm(), config(6, small), plan(5), c).run();
        assertNotEquals(a.events.toString(), c.events.toString(), "another seed, another run");
    }

    /**
     * Raft's events (records, FieldMaps, strings) do not change after they are recorded, so the
     * writer-thread sink writes the same file as the synchronous one for the same seed and plan.
     */
    @Test
    void writerThreadSinkWritesTheSameFile(@TempDir Path dir) throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            Path sync = dir.resolve("sync-" + seed + ".ndjson");
            Path background = dir.resolve("background-" + seed + ".ndjson");
            try (TraceSink sink = new NdjsonSink(sync)) {
                new Simulator<>(new RaftAlgorithm(), config(seed, OPTIONS), plan(seed), sink).run();
            }
            try (TraceSink sink = new BackgroundNdjsonSink(background)) {
                new Simulator<>(new RaftAlgorithm(), config(seed, OPTIONS), plan(seed), sink).run();
            }
            byte[] expected = Files.readAllBytes(sync);
            assertTrue(expected.length > 100_000, "a run with snapshots and faults: " + expected.length);
            assertArrayEquals(expected, Files.readAllBytes(background), "seed " + seed);
        }
    }

    @Test
    void traceWritesAndReadsBackWithTheContractState(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("raft.ndjson");
        try (NdjsonSink sink = new NdjsonSink(file)) {
            new Simulator<>(new RaftAlgorithm(), config(3, OPTIONS), plan(3), sink).run();
        }
        List<TraceEvent> actions = new ArrayList<>();
        try (TraceReader r = TraceReader.open(file)) {
            assertEquals("raft", r.header().algorithm());
            for (TraceEvent e = r.next(); e != null; e = r.next()) {
                if (e.kind() == EventKind.ACTION) {
                    actions.add(e);
                }
            }
        }
        assertTrue(actions.size() > 10);
        try (TraceReader r = TraceReader.open(file)) {
            ReplayResult v = new ReplayEngine().replay(EventSource.of(r), InvariantRegistry.find("raft").orElseThrow());
            assertTrue(v.conforms(), Verdicts.describe(v));
        }
        for (TraceEvent e : actions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) e.state();
            assertTrue(s.keySet().containsAll(List.of("currentTerm", "role", "votedFor",
                    "snapshotIndex", "snapshotTerm", "commitIndex")), s.toString());
            if (e.action().equals("ClientRequest") || e.action().equals("TakeSnapshot")) {
                assertTrue(s.containsKey("log"), "these actions always change the log: " + e);
            }
            assertEquals("Leader".equals(s.get("role")), s.containsKey("nextIndex"), s.toString());
        }
    }

    /** How often seeded runs (no scripted schedule) expose each flaw; the figures are printed. */
    @Test
    void flawsShowUpInSeededRuns() {
        StringBuilder report = new StringBuilder();
        int caught = 0;
        for (RaftFlaw flaw : RaftFlaw.values()) {
            int bad = 0;
            for (long seed = 1; seed <= 6; seed++) {
                ListSink sink = new ListSink();
                Options o = OPTIONS.withFlaw(flaw.specName()).with("electionMin", 20)
                        .with("electionMax", 40).with("heartbeat", 15);
                new Simulator<>(new RaftAlgorithm(), config(seed, o).withMaxSteps(20_000),
                        PlanGenerator.generate(seed, List.of(1, 2, 3), 2_000, Intensity.HIGH), sink).run();
                bad += Verdicts.judge(sink).conforms() ? 0 : 1;
            }
            report.append(flaw.specName()).append(": ").append(bad).append("/6 runs unsafe; ");
            caught += bad;
        }
        System.out.println("raft flaws in seeded runs: " + report);
        assertTrue(caught > 0, "sometimes: a flawed run is caught " + report);
    }
}
