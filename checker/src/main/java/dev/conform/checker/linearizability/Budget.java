package dev.conform.checker.linearizability;

import java.time.Duration;

/**
 * How much a check may spend: wall time and visited search states (each a distinct pair of
 * linearized operations and model state, the memory the search keeps). Running out gives
 * {@link Verdict#UNKNOWN}, never a pass. One budget covers a whole check, all keys and the search
 * for a minimal witness included.
 *
 * @param time      the wall-time limit, or null for none
 * @param maxStates the most search states visited over the whole check, or 0 for no limit
 */
public record Budget(Duration time, long maxStates) {
    /** Ten million states, about a gigabyte of cache on a long history, and no time limit. */
    public static final long DEFAULT_MAX_STATES = 10_000_000L;

    public Budget {
        if (maxStates < 0 || time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("a budget is positive");
        }
    }

    /** The default: {@value #DEFAULT_MAX_STATES} states, no time limit. */
    public static Budget defaults() {
        return new Budget(null, DEFAULT_MAX_STATES);
    }

    /** A meter that starts counting now. */
    Meter start() {
        return new Meter(this, time == null ? Long.MAX_VALUE : System.nanoTime() + time.toNanos());
    }

    /** What has been spent of a budget since {@link #start}. */
    static final class Meter {
        private final Budget budget;
        private final long deadline;
        private long states;
        private String exhausted;

        private Meter(Budget budget, long deadline) {
            this.budget = budget;
            this.deadline = deadline;
        }

        /** Counts one new state; false once the budget is spent. */
        boolean visit() {
            states++;
            if (budget.maxStates > 0 && states > budget.maxStates) {
                exhausted = "visited more than " + budget.maxStates + " search states";
                return false;
            }
            return true;
        }

        /** Checks the clock; false once the time is up. */
        boolean inTime() {
            if (exhausted == null && System.nanoTime() > deadline) {
                exhausted = "ran out of time (" + budget.time + ")";
            }
            return exhausted == null;
        }

        long states() {
            return states;
        }

        /** Why the budget is spent, or null. */
        String exhausted() {
            return exhausted;
        }

        /**
         * A meter for one sub-search, limited to what is left of this one's states (and at most
         * {@code cap}, 0 for no cap) and to the same deadline; {@link #spend} adds its states back.
         */
        Meter child(long cap) {
            long left = budget.maxStates == 0 ? 0 : Math.max(1, budget.maxStates - states);
            long limit = cap == 0 ? left : left == 0 ? cap : Math.min(cap, left);
            return new Meter(new Budget(budget.time, limit), deadline);
        }

        /** Counts a child's states as spent here. */
        void spend(Meter child) {
            states += child.states;
        }
    }
}
