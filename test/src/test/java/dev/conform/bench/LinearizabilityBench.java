package dev.conform.bench;

import dev.conform.checker.linearizability.Budget;
import dev.conform.checker.linearizability.History;
import dev.conform.checker.linearizability.Linearizability;
import dev.conform.checker.linearizability.Model;
import dev.conform.checker.linearizability.Operation;
import dev.conform.checker.linearizability.Result;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The linearizability checker on Porcupine's benchmark shape: a key-value history of {@code N}
 * operations by 10 clients over 10 keys (get/put/append/cas), produced by a simulated linearizable
 * store (each operation takes effect at a random point of its interval), checked with the kv model
 * on the calling thread (one core). Also the pathological case: the same with a share of operations
 * whose outcome is unknown (they stay pending to the end), under a budget. Prints CPU and wall
 * time; targets: 10k operations under 1 s, 100k under 10 s.
 *
 * <p>Run: {@code mvn -B -pl test -am test-compile exec:java -Dconform.bench=LinearizabilityBench}.
 */
public final class LinearizabilityBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private LinearizabilityBench() {
    }

    public static void main(String[] args) {
        // Warm-up so the JIT has compiled the search before measuring.
        for (int i = 0; i < 3; i++) {
            check(history(10_000, 10, 10, 0, i), Budget.defaults());
        }
        for (int n : new int[] {10_000, 100_000}) {
            measure(n + " ops, 10 keys, 10 clients", history(n, 10, 10, 0, 42), Budget.defaults(),
                n == 10_000 ? 1.0 : 10.0);
        }
        for (int percent : new int[] {1, 5, 20}) {
            measure("10000 ops, " + percent + "% unknown outcome, budget 30s/10M states",
                history(10_000, 10, 10, percent, 7), new Budget(Duration.ofSeconds(30), Budget.DEFAULT_MAX_STATES), 0);
        }
        measure("2000 ops, 1 key, 10 clients, 10% unknown, budget 30s/10M states", history(2_000, 1, 10, 10, 9),
            new Budget(Duration.ofSeconds(30), Budget.DEFAULT_MAX_STATES), 0);
        for (int n : new int[] {10_000, 100_000}) {
            History bad = alterLastRead(history(n, 10, 10, 0, 42));
            measure(n + " ops, the last read altered (check + witness)", bad, Budget.defaults(), 0);
        }
        for (int k : new int[] {12, 16, 20, 24}) {
            measure(k + " concurrent unknown writes, then an impossible read", pathological(k),
                new Budget(Duration.ofSeconds(30), Budget.DEFAULT_MAX_STATES), 0);
        }
    }

    /** The history with its last completed read answering a value nobody wrote. */
    static History alterLastRead(History h) {
        List<Operation> ops = new ArrayList<>(h.operations());
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation o = ops.get(i);
            if (o.kind() == Operation.Kind.READ && !o.pending()) {
                ops.set(i, new Operation(o.id(), o.process(), o.kind(), o.key(), o.value(), o.expected(), "nobody",
                    o.invoke(), o.complete(), o.where()));
                break;
            }
        }
        return new History("bench", ops);
    }

    /**
     * Porcupine's hard case: k writes whose outcome is unknown, all concurrent, then a read no
     * subset of them explains; the search must try every subset and last write (about k 2^(k-1)
     * configurations) to say ILLEGAL.
     */
    static History pathological(int k) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ops.add(new Operation(i, i, Operation.Kind.WRITE, "k", "v" + i, null, null, 0, Operation.PENDING, null));
        }
        ops.add(new Operation(k, k, Operation.Kind.READ, "k", null, null, "nobody", 1, 2, null));
        return new History("bench", ops);
    }

    private static void measure(String what, History h, Budget budget, double targetSeconds) {
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        Result r = check(h, budget);
        double cpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf("%-66s %-7s %,11d states  cpu %6.3f s  wall %6.3f s%s%n", what, r.verdict(), r.states(), cpu,
            wall, targetSeconds > 0 ? String.format("  (target < %.0f s: %s)", targetSeconds,
                cpu < targetSeconds ? "met" : "MISSED") : r.reason() != null ? "  (" + r.reason() + ")"
                : r.witness().isEmpty() ? "" : "  (witness " + r.witness().size() + " ops)");
    }

    private static Result check(History h, Budget budget) {
        return Linearizability.check(h, Model.KV, budget);
    }

    /**
     * A history of a linearizable store: each client invokes its next operation 0-9 ticks after the
     * last one completed; an operation takes effect 1-20 ticks after its invocation and completes
     * 1-20 ticks later. {@code unknownPercent} of the writes never complete (the client moves on
     * under a new process number, as Jepsen's do).
     */
    static History history(int n, int keys, int clients, int unknownPercent, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] state = new String[keys];
        // Events: (time, kind 0 = take effect, client); one operation in flight per client.
        PriorityQueue<long[]> effects = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        List<Operation> ops = new ArrayList<>(n);
        long[] process = new long[clients];
        for (int c = 0; c < clients; c++) {
            process[c] = c;
            effects.add(new long[] {rnd.nextInt(10) + 1, c, rnd.nextInt(10)});
        }
        int issued = 0;
        while (issued < n) {
            long[] e = effects.poll();
            long point = e[0];
            int c = (int) e[1];
            long invoke = Math.max(0, point - e[2]);
            int key = rnd.nextInt(keys);
            int dice = rnd.nextInt(100);
            String value = "c" + c + "o" + issued;
            Operation.Kind kind;
            String expected = null;
            String result = null;
            if (dice < 50) {
                kind = Operation.Kind.READ;
                result = state[key];
            } else if (dice < 75) {
                kind = Operation.Kind.WRITE;
                state[key] = value;
            } else if (dice < 85) {
                kind = Operation.Kind.APPEND;
                value = "," + issued;
                state[key] = state[key] == null ? value : state[key] + value;
            } else {
                kind = Operation.Kind.CAS;
                expected = rnd.nextBoolean() ? state[key] : "x" + issued;
                boolean ok = java.util.Objects.equals(state[key], expected);
                result = Boolean.toString(ok);
                if (ok) {
                    state[key] = value;
                }
            }
            long complete = point + 1 + rnd.nextInt(20);
            boolean unknown = kind != Operation.Kind.READ && rnd.nextInt(100) < unknownPercent;
            ops.add(new Operation(issued, (int) process[c], kind, "k" + key, kind == Operation.Kind.READ ? null : value,
                expected, unknown ? null : result, invoke, unknown ? Operation.PENDING : complete, null));
            if (unknown) {
                process[c] += clients;
            }
            issued++;
            long next = complete + rnd.nextInt(10);
            int before = 1 + rnd.nextInt(20);
            effects.add(new long[] {next + before, c, before});
        }
        return new History("bench", ops);
    }
}
