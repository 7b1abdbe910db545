package dev.conform.runtime.prop;

import java.util.ArrayList;
import java.util.List;

/**
 * Proposes simpler variants of a failing value, simplest first. The property runner keeps the
 * first candidate that still fails and asks again, until no candidate fails: a local minimum.
 * Candidates must be strictly "smaller" by some well-founded measure, or shrinking may cycle
 * (the runner also caps the number of steps).
 *
 * @param <T> the shrunk type
 */
@FunctionalInterface
public interface Shrinker<T> {
    /** Simpler variants of {@code value}, simplest first; empty when it is minimal. */
    List<T> candidates(T value);

    /** Never shrinks. */
    static <T> Shrinker<T> none() {
        return v -> List.of();
    }

    /** Moves an integer toward {@code target}: the target itself, then halfway, then one step. */
    static Shrinker<Integer> intToward(int target) {
        return v -> {
            List<Integer> out = new ArrayList<>();
            if (v == target) {
                return out;
            }
            out.add(target);
            int half = v - (v - target) / 2;
            if (half != v && half != target) {
                out.add(half);
            }
            int step = v > target ? v - 1 : v + 1;
            if (step != target && step != half) {
                out.add(step);
            }
            return out;
        };
    }

    /**
     * Shrinks lists: drop the second half, the first half, then chunks and single elements,
     * then shrink single elements with {@code element}.
     */
    static <E> Shrinker<List<E>> list(Shrinker<E> element) {
        return v -> {
            List<List<E>> out = new ArrayList<>();
            int n = v.size();
            if (n == 0) {
                return out;
            }
            for (int chunk = n / 2; chunk >= 1; chunk /= 2) {
                for (int start = 0; start + chunk <= n; start += chunk) {
                    List<E> smaller = new ArrayList<>(v.subList(0, start));
                    smaller.addAll(v.subList(start + chunk, n));
                    out.add(smaller);
                }
            }
            if (n == 1) {
                out.add(List.of());
            }
            for (int i = 0; i < n; i++) {
                for (E e : element.candidates(v.get(i))) {
                    List<E> changed = new ArrayList<>(v);
                    changed.set(i, e);
                    out.add(changed);
                }
            }
            return out;
        };
    }
}
