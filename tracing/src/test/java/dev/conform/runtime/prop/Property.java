package dev.conform.runtime.prop;

import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Runs a property over seeded random cases and shrinks the first counterexample.
 *
 * <p>Fails closed: an exception thrown by the property counts as a failure. Each case is drawn
 * from its own seed (itself drawn from the run seed), which the outcome reports so a single case
 * can be regenerated.
 */
public final class Property {
    /** Upper bound on accepted shrink steps, against shrinkers that do not converge. */
    public static final int MAX_SHRINK_STEPS = 10_000;

    private Property() {
    }

    /** Checks {@code prop} on {@code trials} cases drawn from {@code arb} under {@code seed}. */
    public static <T> Outcome<T> check(String name, long seed, int trials, Arbitrary<T> arb, Predicate<T> prop) {
        SplittableRandom run = new SplittableRandom(seed);
        for (int i = 1; i <= trials; i++) {
            long caseSeed = run.nextLong();
            T value = arb.gen().next(new SplittableRandom(caseSeed));
            String why = failure(prop, value);
            if (why != null) {
                return shrink(name, i, caseSeed, value, why, arb.shrinker(), prop);
            }
        }
        return new Outcome<>(name, trials, false, 0, null, null, 0, null);
    }

    /** Like {@link #check}, but throws an {@link AssertionError} describing the minimal case. */
    public static <T> void assertHolds(String name, long seed, int trials, Arbitrary<T> arb, Predicate<T> prop) {
        Outcome<T> o = check(name, seed, trials, arb, prop);
        if (o.failed()) {
            throw new AssertionError(o.describe());
        }
    }

    private static <T> Outcome<T> shrink(String name, int trials, long caseSeed, T original, String why,
                                         Shrinker<T> shrinker, Predicate<T> prop) {
        T current = original;
        String currentWhy = why;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            for (T candidate : shrinker.candidates(current)) {
                String w = failure(prop, candidate);
                if (w != null) {
                    current = candidate;
                    currentWhy = w;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        return new Outcome<>(name, trials, true, caseSeed, original, current, steps, currentWhy);
    }

    private static <T> String failure(Predicate<T> prop, T value) {
        try {
            return prop.test(value) ? null : "returned false";
        } catch (RuntimeException | AssertionError e) {
            return e.toString();
        }
    }
}
