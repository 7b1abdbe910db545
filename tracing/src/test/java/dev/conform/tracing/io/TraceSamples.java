package dev.conform.tracing.io;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.VectorClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Builds valid traces for tests: a small seeded simulation of nodes exchanging messages. */
public final class TraceSamples {
    private TraceSamples() {
    }

    public static TraceHeader header(int nodes) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            ids.add(i);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("drop", 1L);
        plan.put("partitions", List.of(List.of(1L), List.of(2L, 3L)));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("flaw", "none");
        return new TraceHeader(TraceHeader.SCHEMA_VERSION, "raft", ids, 42L, plan, "conform-test 0", params);
    }

    /**
     * A causally consistent global trace of {@code count} events over {@code nodes} nodes with
     * sequence numbers, Lamport and vector clocks, sends, deliveries, drops, duplicates and actions.
     */
    public static List<TraceEvent> events(long seed, int nodes, int count) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<Integer, VectorClock> vcs = new HashMap<>();
        Map<Integer, Long> lamports = new HashMap<>();
        for (int n = 1; n <= nodes; n++) {
            vcs.put(n, VectorClock.empty());
            lamports.put(n, 0L);
        }
        List<Object[]> inFlight = new ArrayList<>(); // {TraceMessage, VectorClock, Long}
        List<TraceEvent> out = new ArrayList<>();
        long nextMsg = 1;
        for (long seq = 0; out.size() < count; seq++) {
            int choice = rnd.nextInt(10);
            if (choice < 3 || inFlight.isEmpty() && choice < 7) {
                int from = 1 + rnd.nextInt(nodes);
                int to = 1 + rnd.nextInt(nodes);
                VectorClock vc = vcs.get(from).tick(from);
                long lam = lamports.get(from) + 1;
                vcs.put(from, vc);
                lamports.put(from, lam);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("term", (long) rnd.nextInt(5));
                body.put("entries", List.of(entry(1L, "v" + rnd.nextInt(100))));
                body.put("ok", rnd.nextBoolean());
                TraceMessage m = new TraceMessage(nextMsg++, from, to, "AppendEntries", body);
                inFlight.add(new Object[]{m, vc, lam});
                out.add(new TraceEvent(seq, from, EventKind.SEND, null, m, null, lam, vc));
            } else if (choice < 7) {
                Object[] f = inFlight.remove(rnd.nextInt(inFlight.size()));
                TraceMessage m = (TraceMessage) f[0];
                int to = m.to();
                EventKind kind = rnd.nextInt(8) == 0 ? EventKind.DROP : EventKind.DELIVER;
                VectorClock vc = vcs.get(to).tick(to);
                long lam = lamports.get(to) + 1;
                if (kind == EventKind.DELIVER) {
                    vc = vc.merge((VectorClock) f[1]);
                    lam = Math.max(lam, (Long) f[2] + 1);
                }
                vcs.put(to, vc);
                lamports.put(to, lam);
                out.add(new TraceEvent(seq, to, kind, null, m, null, lam, vc));
            } else {
                int n = 1 + rnd.nextInt(nodes);
                VectorClock vc = vcs.get(n).tick(n);
                long lam = lamports.get(n) + 1;
                vcs.put(n, vc);
                lamports.put(n, lam);
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("currentTerm", (long) rnd.nextInt(4));
                state.put("role", rnd.nextBoolean() ? "Leader" : "Follower");
                state.put("votedFor", (long) rnd.nextInt(nodes + 1));
                state.put("log", List.of(entry(1L, "x\u00e9\u4e2d")));
                state.put("nothing", null);
                EventKind kind = choice == 9 ? EventKind.TIMER : EventKind.ACTION;
                String action = kind == EventKind.TIMER ? "election" : "Timeout";
                out.add(new TraceEvent(seq, n, kind, action, null, state, lam, vc));
            }
        }
        return out;
    }

    /** A log entry with a fixed field order (Map.of's order changes between JVMs, and the fuzz cases with it). */
    private static Map<String, Object> entry(long term, String value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("term", term);
        e.put("value", value);
        return e;
    }
}
