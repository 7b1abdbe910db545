package dev.conform.checker.linearizability;

import java.util.List;

/**
 * The dumb oracle: tries every order of the operations that respects real time (a completed
 * operation comes before every operation invoked after its completion), with each pending
 * operation either placed or left out, and runs the model sequentially. Exponential: small
 * histories only. It shares nothing with {@link Search} but the model's step.
 */
final class BruteForce {
    private BruteForce() {
    }

    static boolean linearizable(List<Operation> ops, Model model) {
        if (model.byKey()) {
            return ops.stream().map(Operation::key).distinct()
                .allMatch(k -> extend(ops.stream().filter(o -> Model.same(o.key(), k)).toList(),
                    new boolean[ops.size()], null));
        }
        return extend(ops, new boolean[ops.size()], null);
    }

    private static boolean extend(List<Operation> ops, boolean[] placed, String state) {
        boolean allCompletedPlaced = true;
        for (int i = 0; i < ops.size(); i++) {
            if (!placed[i] && !ops.get(i).pending()) {
                allCompletedPlaced = false;
            }
        }
        if (allCompletedPlaced) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (placed[i] || !ready(ops, placed, i)) {
                continue;
            }
            String after = Model.step(state, ops.get(i));
            if (after == Model.ILLEGAL) {
                continue;
            }
            placed[i] = true;
            boolean ok = extend(ops, placed, after);
            placed[i] = false;
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** Every completed operation that finished before op i began is already placed. */
    private static boolean ready(List<Operation> ops, boolean[] placed, int i) {
        for (int j = 0; j < ops.size(); j++) {
            Operation o = ops.get(j);
            if (!placed[j] && !o.pending() && o.complete() < ops.get(i).invoke()) {
                return false;
            }
        }
        return true;
    }
}
