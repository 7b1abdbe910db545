package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incremental checks of {@link RaftProperties} (only what the last event changed, prefix
 * hashes) against a dumb oracle that compares every pair of servers at every index after every
 * event: both must find the first violation at the same event, on the hand-written traces and on
 * seeded shuffles of their events (which break the properties in many different places), half of
 * them with some actions' logs left out (kept from the server's previous state).
 */
class RaftPropertiesOracleTest {
    private static Path traces() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("specs/raft/traces"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "specs/raft/traces not found");
        return p.resolve("specs/raft/traces");
    }

    /** First event (1-based) after which the fast / oracle checks fail; 0 when none; -1 fold error. */
    private static long[] firstFailures(RaftTraceReplay t) {
        RaftFolder folder = new RaftFolder(false);
        RaftTraceState s = folder.initial(t.header);
        long fast = 0;
        long slow = 0;
        for (int i = 0; i < t.events.size() && (fast == 0 || slow == 0); i++) {
            try {
                s = folder.apply(s, t.events.get(i));
            } catch (FoldException e) {
                return new long[] {fast == 0 ? -1 : fast, slow == 0 ? -1 : slow};
            }
            boolean f = RaftProperties.electionSafety(s) && RaftProperties.logMatching(s)
                && RaftProperties.leaderCompleteness(s) && RaftProperties.stateMachineSafety(s);
            if (fast == 0 && !f) {
                fast = i + 1;
            }
            if (slow == 0 && !oracle(s)) {
                slow = i + 1;
            }
        }
        return new long[] {fast, slow};
    }

    /** Raft.tla's four invariants, literally, over all pairs and indices. */
    static boolean oracle(RaftTraceState s) {
        List<ServerView> v = new ArrayList<>(s.servers.values());
        for (ServerView i : v) {
            for (ServerView j : v) {
                // LeaderCompleteness in Raft.tla includes the leader itself (i = j): its own
                // commit index may not run past its log
                if (i.leader() && j.term <= i.term) {
                    for (long k = 1; k <= j.commitIndex; k++) {
                        if (k > i.lastIndex() || i.at(k) != null && j.at(k) != null && !i.at(k).sameAs(j.at(k))) {
                            return false;
                        }
                    }
                }
                if (i == j) {
                    continue;
                }
                if (i.leader() && j.leader() && i.term == j.term) {
                    return false;
                }
                for (long k = 1; k <= Math.min(i.lastIndex(), j.lastIndex()); k++) {
                    if (i.at(k) != null && j.at(k) != null && i.at(k).term() == j.at(k).term()) {
                        for (long p = 1; p <= k; p++) {
                            if (i.at(p) != null && j.at(p) != null && !i.at(p).sameAs(j.at(p))) {
                                return false;
                            }
                        }
                    }
                }
                for (long k = 1; k <= Math.min(i.commitIndex, j.commitIndex); k++) {
                    if (i.at(k) != null && j.at(k) != null && !i.at(k).sameAs(j.at(k))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** A trace file held in memory. */
    record RaftTraceReplay(dev.conform.tracing.TraceHeader header, List<TraceEvent> events) {
        static RaftTraceReplay read(Path file) {
            try (TraceReader r = TraceReader.open(file)) {
                List<TraceEvent> ev = new ArrayList<>();
                for (TraceEvent e = r.next(); e != null; e = r.next()) {
                    ev.add(e);
                }
                return new RaftTraceReplay(r.header(), ev);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TraceEvent withoutLog(TraceEvent e) {
        if (e.kind() != dev.conform.tracing.EventKind.ACTION || !(e.state() instanceof java.util.Map<?, ?> m)
                || !m.containsKey("log")) {
            return e;
        }
        java.util.Map<String, Object> st = new java.util.LinkedHashMap<>((java.util.Map<String, Object>) m);
        st.remove("log");
        return new TraceEvent(e.seq(), e.node(), e.kind(), e.action(), e.msg(), st, e.lamport(), e.vc());
    }

    @Test
    void incrementalChecksAgreeWithTheOracle() throws Exception {
        int disagreements = 0;
        int violations = 0;
        List<String> report = new ArrayList<>();
        try (var files = Files.list(traces())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList()) {
                RaftTraceReplay t = RaftTraceReplay.read(f);
                long[] r = firstFailures(t);
                assertEquals(r[1], r[0], f.getFileName() + ": fast vs oracle");
                SplittableRandom rnd = new SplittableRandom(f.getFileName().toString().hashCode());
                for (int n = 0; n < 200; n++) {
                    List<TraceEvent> shuffled = new ArrayList<>(t.events);
                    for (int i = shuffled.size() - 1; i > 0; i--) {
                        int j = rnd.nextInt(i + 1);
                        if (rnd.nextInt(4) == 0) {
                            TraceEvent x = shuffled.get(i);
                            shuffled.set(i, shuffled.get(j));
                            shuffled.set(j, x);
                        }
                    }
                    if (n % 2 == 1) {
                        // actions may leave out an unchanged log: drop some, exercising the kept-log paths
                        for (int i = 0; i < shuffled.size(); i++) {
                            if (rnd.nextInt(3) == 0) {
                                shuffled.set(i, withoutLog(shuffled.get(i)));
                            }
                        }
                    }
                    long[] q = firstFailures(new RaftTraceReplay(t.header, shuffled));
                    violations += q[1] > 0 ? 1 : 0;
                    if (q[0] != q[1]) {
                        disagreements++;
                        report.add(f.getFileName() + " shuffle " + n + ": fast " + q[0] + ", oracle " + q[1]);
                    }
                }
            }
        }
        assertEquals(0, disagreements, report.toString());
        assertTrue(violations > 100, "the shuffles should break the properties often: " + violations);
    }
}
