package dev.conform.algorithms.crdt;

import dev.conform.runtime.prop.Arbitrary;
import dev.conform.runtime.prop.Gen;
import dev.conform.runtime.prop.Shrinker;

import java.util.ArrayList;
import java.util.List;

/**
 * A random execution on three replicas: local updates and state merges. Replaying it gives
 * three states that really can coexist (the OR-set's dots, for one, only make sense that way),
 * and shrinking the execution shrinks the states.
 */
record History(List<Op> ops) {
    static final int REPLICAS = 3;

    /** Update at {@code replica} with argument {@code arg}, or (merge) fold {@code from}'s state in. */
    record Op(int replica, boolean merge, int arg, int from) {
        @Override
        public String toString() {
            return merge ? "merge(" + from + "->" + replica + ")" : "update(" + replica + "," + arg + ")";
        }
    }

    static final Gen<Op> OP = rnd -> rnd.nextInt(10) < 7
        ? new Op(rnd.nextInt(REPLICAS), false, rnd.nextInt(60), 0)
        : new Op(rnd.nextInt(REPLICAS), true, 0, rnd.nextInt(REPLICAS));

    static final Shrinker<Op> OP_SHRINK = op -> {
        List<Op> out = new ArrayList<>();
        for (int r : Shrinker.intToward(0).candidates(op.replica())) {
            out.add(new Op(r, op.merge(), op.arg(), op.from()));
        }
        for (int a : Shrinker.intToward(0).candidates(op.arg())) {
            out.add(new Op(op.replica(), op.merge(), a, op.from()));
        }
        return out;
    };

    static Arbitrary<History> arbitrary(int maxOps) {
        return new Arbitrary<>(Gen.listOf(OP, maxOps).map(History::new),
            h -> Shrinker.list(OP_SHRINK).candidates(h.ops()).stream().map(History::new).toList());
    }

    /** Replays the execution and returns the replicas' final states. */
    <T> List<T> replay(CrdtModel<T> model) {
        List<T> states = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            states.add(model.empty());
        }
        for (Op op : ops) {
            T s = states.get(op.replica());
            states.set(op.replica(), op.merge()
                ? model.merge(s, states.get(op.from()))
                : model.update(s, op.replica() + 1, op.arg()));
        }
        return states;
    }

    @Override
    public String toString() {
        return ops.toString();
    }
}
