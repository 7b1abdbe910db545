package dev.conform.checker.linearizability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a non-linearizable history of one object to a small sub-history that is still not
 * linearizable and whose failure implies the original's.
 *
 * <p>Removing an operation from a history does not always make it easier to linearize: without
 * the write of 1, a later read of 1 has no explanation, and "read 1" alone is a meaningless
 * witness. So the shrinker only makes moves that can turn a linearizable history into nothing but
 * a linearizable one; a witness that is still not linearizable then proves the original is not:
 * <ol>
 *   <li><b>Cut at a time T</b>: operations invoked after T are dropped and those still running at T
 *   become pending (may or may not have taken effect). T is the earliest completion time at which
 *   the cut history is already not linearizable (binary search: a later cut of a failing cut fails
 *   too).</li>
 *   <li><b>Remove operations</b>, in halving chunks down to one at a time, keeping a removal when the
 *   rest is still not linearizable and the removal is sound: reads and failed compare-and-sets only
 *   observe, so dropping them is always sound; a write or compare-and-set may be dropped when no
 *   remaining operation reads or expects its value and no failed compare-and-set remains (a
 *   linearization of the whole, without it, then still explains everything that remains); an
 *   append only when nothing remaining observes the key.</li>
 * </ol>
 *
 * <p><b>Minimal</b> means 1-minimal under these moves: the witness is not linearizable from the
 * model's initial state, and removing any one operation whose removal is sound makes it
 * linearizable. Operations that stay because their values are observed (the write a read saw) are
 * part of the explanation. It is not the smallest such set over all subsets (that search is
 * exponential). When a check within the shrink runs out of its budget, the witness is reported as
 * not proven minimal.
 */
final class Witness {
    /** Most search states one check inside the shrink may visit. */
    static final long STATES_PER_CHECK = 1_000_000L;

    private Witness() {
    }

    /** The shrunk witness, and whether it was proven 1-minimal. */
    record Shrunk(List<Operation> operations, boolean minimal) {
    }

    static Shrunk shrink(List<Operation> history, String initial, Budget.Meter meter) {
        Probe probe = new Probe(initial, meter);
        List<Operation> ops = cutEarliest(history, probe);
        int chunk = Math.max(1, ops.size() / 2);
        while (meter.inTime()) {
            boolean removed = false;
            for (int i = 0; i < ops.size() && meter.inTime(); ) {
                int end = Math.min(ops.size(), i + chunk);
                List<Operation> rest = new ArrayList<>(ops.subList(0, i));
                rest.addAll(ops.subList(end, ops.size()));
                if (soundRemoval(ops.subList(i, end), rest) && probe.illegal(rest)) {
                    ops = rest;
                    removed = true;
                } else {
                    i += chunk;
                }
            }
            if (!removed) {
                if (chunk == 1) {
                    return new Shrunk(ops, probe.decided);
                }
                chunk = Math.max(1, chunk / 2);
            }
        }
        return new Shrunk(ops, false);
    }

    /** The history cut at the earliest completion time where it is already not linearizable. */
    private static List<Operation> cutEarliest(List<Operation> ops, Probe probe) {
        long[] times = ops.stream().filter(o -> !o.pending()).mapToLong(Operation::complete).sorted().distinct().toArray();
        int lo = 0;
        int hi = times.length - 1;
        List<Operation> best = ops;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            List<Operation> cut = cut(ops, times[mid]);
            if (probe.illegal(cut)) {
                best = cut;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return best;
    }

    static List<Operation> cut(List<Operation> ops, long t) {
        List<Operation> out = new ArrayList<>();
        for (Operation o : ops) {
            if (o.invoke() > t) {
                continue;
            }
            if (o.complete() <= t) {
                out.add(o);
            } else if (o.kind() != Operation.Kind.READ) {
                out.add(o.pending() ? o : o.asPending());
            }
        }
        return out;
    }

    /** Whether dropping {@code removed} from a history leaves one that is linearizable if it was. */
    static boolean soundRemoval(List<Operation> removed, List<Operation> rest) {
        boolean effects = false;
        boolean appends = false;
        for (Operation o : removed) {
            effects |= !observesOnly(o);
            appends |= o.kind() == Operation.Kind.APPEND;
        }
        if (!effects) {
            return true;
        }
        Set<String> observed = new HashSet<>();
        for (Operation o : rest) {
            appends |= o.kind() == Operation.Kind.APPEND;
            if (o.kind() == Operation.Kind.CAS && !o.pending() && "false".equals(o.result())) {
                return false;
            }
            if (o.kind() == Operation.Kind.READ) {
                observed.add(o.result());
            } else if (o.kind() == Operation.Kind.CAS) {
                observed.add(o.expected());
            }
        }
        if (appends) {
            return observed.isEmpty();
        }
        for (Operation o : removed) {
            if (!observesOnly(o) && observed.contains(o.value())) {
                return false;
            }
        }
        return true;
    }

    /** A completed read or a compare-and-set that did not take effect. */
    private static boolean observesOnly(Operation o) {
        return !o.pending() && (o.kind() == Operation.Kind.READ
            || o.kind() == Operation.Kind.CAS && "false".equals(o.result()));
    }

    /** Runs the bounded checks of a shrink; {@code decided} turns false when one ran out of budget. */
    private static final class Probe {
        private final String initial;
        private final Budget.Meter meter;
        private boolean decided = true;

        Probe(String initial, Budget.Meter meter) {
            this.initial = initial;
            this.meter = meter;
        }

        boolean illegal(List<Operation> ops) {
            Budget.Meter m = meter.child(STATES_PER_CHECK);
            Search.Outcome o = Search.run(ops, initial, m);
            meter.spend(m);
            decided &= o.verdict() != Verdict.UNKNOWN;
            return o.verdict() == Verdict.ILLEGAL;
        }
    }
}
