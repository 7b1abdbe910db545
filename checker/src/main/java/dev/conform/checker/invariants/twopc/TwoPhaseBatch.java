package dev.conform.checker.invariants.twopc;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.TraceEvent;
import java.util.List;

/**
 * The "sometimes" expectations of two-phase commit over a batch of runs (e.g. the seeded chaos
 * runs of a gate): {@code CommitHappened} (some run committed) and {@code AbortHappened} (some run
 * aborted). A single run holds one transaction and can show only one outcome, so these are
 * judged here rather than per trace; a batch that only ever aborts (or only ever commits) did
 * not exercise half of the protocol. Not thread-safe.
 */
public final class TwoPhaseBatch {
    public static final String COMMIT_HAPPENED = "CommitHappened";
    public static final String ABORT_HAPPENED = "AbortHappened";

    private int runs;
    private int commits;
    private int aborts;
    private int blocked;

    /** Folds one trace to its end and counts its outcome; returns the final state. */
    public TwoPhaseTraceState add(EventSource source) {
        TwoPhaseFolder folder = new TwoPhaseFolder();
        TwoPhaseTraceState s = folder.initial(source.header());
        TraceEvent e;
        while ((e = source.next()) != null) {
            s = folder.apply(s, e);
        }
        add(s);
        return s;
    }

    /** Counts the outcome of a run whose final state is {@code end}. */
    public void add(TwoPhaseTraceState end) {
        runs++;
        commits += end.committed() ? 1 : 0;
        aborts += end.aborted() ? 1 : 0;
        blocked += end.blocking().isPresent() ? 1 : 0;
    }

    public int runs() {
        return runs;
    }

    public int commits() {
        return commits;
    }

    public int aborts() {
        return aborts;
    }

    /** Runs that ended blocked (see {@link TwoPhaseTraceState#blocking()}). */
    public int blocked() {
        return blocked;
    }

    /** {@code CommitHappened} and {@code AbortHappened}, each passed when some run showed it. */
    public List<ReplayResult.InvariantVerdict> verdicts() {
        return List.of(verdict(COMMIT_HAPPENED, commits), verdict(ABORT_HAPPENED, aborts));
    }

    public boolean passed() {
        return commits > 0 && aborts > 0;
    }

    private ReplayResult.InvariantVerdict verdict(String name, int count) {
        return new ReplayResult.InvariantVerdict(name, Invariant.Kind.SOMETIMES, count > 0,
                count > 0 ? null : name + " never held in " + runs + " runs");
    }

    /** One line: runs, commits, aborts, blocked. */
    public String summary() {
        return runs + " runs: " + commits + " committed, " + aborts + " aborted, " + blocked + " blocked";
    }
}
