package dev.conform.runtime.prop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded generator of test values. Generators draw only from the random source they are given,
 * so a case is replayed exactly from its seed.
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {
    /** Draws one value. */
    T next(SplittableRandom rnd);

    /** This generator with {@code f} applied to every value. */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return rnd -> f.apply(next(rnd));
    }

    /** Integers in {@code [lo, hi]}. */
    static Gen<Integer> ints(int lo, int hi) {
        if (hi < lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        }
        return rnd -> lo + rnd.nextInt(hi - lo + 1);
    }

    /** Lists of 0 to {@code maxSize} elements drawn from {@code element}. */
    static <E> Gen<List<E>> listOf(Gen<E> element, int maxSize) {
        return rnd -> {
            int n = rnd.nextInt(maxSize + 1);
            List<E> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(element.next(rnd));
            }
            return out;
        };
    }
}
