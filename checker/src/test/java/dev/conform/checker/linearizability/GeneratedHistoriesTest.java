package dev.conform.checker.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.conform.runtime.prop.Arbitrary;
import dev.conform.runtime.prop.Gen;
import dev.conform.runtime.prop.Property;
import dev.conform.runtime.prop.Shrinker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Histories made from a sequential execution and then made concurrent (every operation's interval
 * stretched around its point in the sequence) are linearizable by construction; the same with one
 * observed result altered are decided exactly by a brute-force oracle, and the checker must agree.
 */
class GeneratedHistoriesTest {
    private static final String[] VALUES = {null, "1", "2", "3"};

    /** A sequential run of {@code n} operations on one register, stretched into a concurrent history. */
    static List<Operation> concurrentFromSequential(SplittableRandom rnd, int n, Model model, int keys, long spread) {
        List<Operation> out = new ArrayList<>(n);
        keys = model.byKey() ? keys : 1;
        String[] state = new String[keys];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(keys);
            String key = model.byKey() ? "k" + k : null;
            long point = 10L * i;
            long invoke = point - rnd.nextLong(spread + 1);
            long complete = point + rnd.nextLong(spread + 1);
            int pick = rnd.nextInt(model == Model.REGISTER ? 2 : model == Model.KV ? 4 : 3);
            Operation.Kind kind = Operation.Kind.values()[pick];
            String value = "v" + i;
            String expected = VALUES[rnd.nextInt(VALUES.length)];
            if (kind == Operation.Kind.CAS && rnd.nextBoolean()) {
                expected = state[k]; // make successes common
            }
            String result = null;
            switch (kind) {
                case READ -> result = state[k];
                case WRITE -> state[k] = value;
                case APPEND -> state[k] = state[k] == null ? value : state[k] + value;
                case CAS -> {
                    boolean ok = Model.same(state[k], expected);
                    result = Boolean.toString(ok);
                    if (ok) {
                        state[k] = value;
                    }
                }
            }
            boolean unknown = kind != Operation.Kind.READ && rnd.nextInt(8) == 0;
            out.add(new Operation(i, i % 5, kind, key, kind == Operation.Kind.READ ? null : value,
                kind == Operation.Kind.CAS ? expected : null, unknown ? null : result, invoke,
                unknown ? Operation.PENDING : complete, null));
        }
        return out;
    }

    /** The history with the observed result of one read or completed cas changed. */
    static List<Operation> alterOne(SplittableRandom rnd, List<Operation> ops) {
        List<Integer> observers = new ArrayList<>();
        for (Operation o : ops) {
            if (!o.pending() && (o.kind() == Operation.Kind.READ || o.kind() == Operation.Kind.CAS)) {
                observers.add(o.id());
            }
        }
        if (observers.isEmpty()) {
            return ops;
        }
        Operation o = ops.get(observers.get(rnd.nextInt(observers.size())));
        String result;
        if (o.kind() == Operation.Kind.CAS) {
            result = "true".equals(o.result()) ? "false" : "true";
        } else {
            // Another value written in the history, or nil, or one never written.
            List<String> other = new ArrayList<>();
            other.add("never-written");
            if (o.result() != null) {
                other.add(null);
            }
            for (Operation w : ops) {
                if (w.value() != null && !w.value().equals(o.result())) {
                    other.add(w.value());
                }
            }
            result = other.get(rnd.nextInt(other.size()));
        }
        List<Operation> out = new ArrayList<>(ops);
        out.set(o.id(), new Operation(o.id(), o.process(), o.kind(), o.key(), o.value(), o.expected(), result,
            o.invoke(), o.complete(), o.where()));
        return out;
    }

    private static Verdict verdict(List<Operation> ops, Model model) {
        return Linearizability.check(new History("gen", ops), model, Budget.defaults()).verdict();
    }

    @Test
    void concurrentHistoriesFromSequentialRunsAreLinearizable() {
        for (Model model : Model.values()) {
            Property.assertHolds("sequential-made-concurrent " + model, 22, 300,
                new Arbitrary<>(rnd -> concurrentFromSequential(rnd, 1 + rnd.nextInt(60), model, 3, 25),
                    Shrinker.none()),
                ops -> verdict(ops, model) == Verdict.OK);
        }
    }

    @Test
    void oneAlteredResultIsIllegalExactlyWhenTheOracleSaysSo() {
        int[] illegal = new int[1];
        for (Model model : Model.values()) {
            Gen<List<Operation>> gen = rnd -> alterOne(rnd, concurrentFromSequential(rnd, 1 + rnd.nextInt(7), model, 2, 25));
            Property.assertHolds("altered " + model, 2203, 400, new Arbitrary<>(gen, Shrinker.none()), ops -> {
                boolean oracle = BruteForce.linearizable(ops, model);
                Result r = Linearizability.check(new History("gen", ops), model, Budget.defaults());
                if (!oracle) {
                    illegal[0]++;
                    // The witness is itself not linearizable, and shrinking made it no larger.
                    assertFalse(BruteForce.linearizable(r.witness(), model), r.witness().toString());
                }
                return r.verdict() == (oracle ? Verdict.OK : Verdict.ILLEGAL);
            });
        }
        // The alterations must exercise both answers, or the test proves little.
        assertEquals(true, illegal[0] > 100, "illegal cases: " + illegal[0]);
    }

    @Test
    void arbitraryHistoriesAgreeWithTheOracle() {
        for (Model model : Model.values()) {
            Gen<List<Operation>> gen = rnd -> {
                int n = 1 + rnd.nextInt(7);
                List<Operation> ops = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Operation.Kind kind = Operation.Kind.values()[rnd.nextInt(model == Model.REGISTER ? 2
                        : model == Model.KV ? 4 : 3)];
                    long invoke = rnd.nextLong(30);
                    boolean pending = rnd.nextInt(6) == 0;
                    String v = VALUES[1 + rnd.nextInt(3)];
                    ops.add(new Operation(i, i, kind, model.byKey() ? "k" + rnd.nextInt(2) : null,
                        kind == Operation.Kind.READ ? null : v,
                        kind == Operation.Kind.CAS ? VALUES[rnd.nextInt(4)] : null,
                        kind == Operation.Kind.READ ? VALUES[rnd.nextInt(4)]
                            : kind == Operation.Kind.CAS ? Boolean.toString(rnd.nextBoolean()) : null,
                        invoke, pending ? Operation.PENDING : invoke + rnd.nextLong(15), null));
                }
                return ops;
            };
            Property.assertHolds("arbitrary " + model, 7, 1500, new Arbitrary<>(gen, Shrinker.none()),
                ops -> verdict(ops, model) == (BruteForce.linearizable(ops, model) ? Verdict.OK : Verdict.ILLEGAL));
        }
    }
}
