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
 *   <li><b>Remove operations</b>, in halving chunks down to one at a time (observations first, then
 *   all), keeping a removal when the rest is still not linearizable and the removal is sound: reads
 *   and failed compare-and-sets only observe, so dropping them is always sound; a write, append or
 *   compare-and-set may be dropped when no remaining operation reads or expects its value (with
 *   appends: a value containing it) and no failed compare-and-set remains (see
 *   {@link #soundRemoval}).</li>
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
        List<Operation> ops = cutEarliest(history.stream()
            .filter(o -> !(o.pending() && o.kind() == Operation.Kind.READ)).toList(), probe);
        // Observations first: dropping them is always sound and usually makes the writes they saw
        // removable; then everything.
        ops = removeChunks(ops, probe, true);
        ops = removeChunks(ops, probe, false);
        return new Shrunk(ops, probe.decided && meter.inTime());
    }

    /**
     * Delta debugging by complement: tries removing chunks of halving size (of observations only,
     * when {@code observationsOnly}) until no single operation can go.
     */
    private static List<Operation> removeChunks(List<Operation> ops, Probe probe, boolean observationsOnly) {
        List<Operation> candidates = observationsOnly ? ops.stream().filter(Witness::observesOnly).toList() : ops;
        int chunk = Math.max(1, candidates.size() / 2);
        while (probe.meter.inTime()) {
            boolean removed = false;
            for (int i = 0; i < candidates.size() && probe.meter.inTime(); ) {
                List<Operation> gone = candidates.subList(i, Math.min(candidates.size(), i + chunk));
                Set<Integer> ids = new HashSet<>();
                gone.forEach(o -> ids.add(o.id()));
                List<Operation> rest = ops.stream().filter(o -> !ids.contains(o.id())).toList();
                if ((observationsOnly || soundRemoval(gone, rest)) && probe.illegal(rest)) {
                    ops = rest;
                    candidates = candidates.stream().filter(o -> !ids.contains(o.id())).toList();
                    removed = true;
                } else {
                    i += chunk;
                }
            }
            if (!removed) {
                if (chunk == 1) {
                    return ops;
                }
                chunk = Math.max(1, chunk / 2);
            }
        }
        return ops;
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

    /**
     * Whether dropping {@code removed} from a history leaves one that is linearizable if it was.
     * Take a linearization of the whole and delete the removed operations: every remaining
     * observation still sees the same state when no removed effect was part of it, that is when no
     * removed write's value is a value a remaining operation reads or expects (with appends: is
     * contained in one), and no failed compare-and-set remains (it saw "not the expected value",
     * which a removal can change).
     */
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
            if (o.kind() == Operation.Kind.READ && o.result() != null) {
                observed.add(o.result());
            } else if (o.kind() == Operation.Kind.CAS && o.expected() != null) {
                observed.add(o.expected());
            }
        }
        for (Operation o : removed) {
            if (observesOnly(o)) {
                continue;
            }
            String v = o.value();
            if (v == null || v.isEmpty() && appends) {
                return false; // writing nil looks like the initial state; an empty append is in everything
            }
            for (String seen : observed) {
                if (appends ? seen.contains(v) : seen.equals(v)) {
                    return false;
                }
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
        final Budget.Meter meter;
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
