package dev.conform.runtime.prop;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShrinkerTest {
    private static final Arbitrary<List<Integer>> LISTS =
        new Arbitrary<>(Gen.listOf(Gen.ints(0, 1000), 40), Shrinker.list(Shrinker.intToward(0)));

    @Test
    void shrinksToTheSmallestListBreakingABound() {
        Outcome<List<Integer>> o = Property.check("all below 50", 3L, 500, LISTS,
            l -> l.stream().allMatch(x -> x < 50));
        assertTrue(o.failed());
        assertEquals(List.of(50), o.minimal(), o.describe());
    }

    @Test
    void exceptionsCountAsFailures() {
        Outcome<List<Integer>> o = Property.check("never throws", 5L, 500, LISTS, l -> {
            if (l.size() >= 3) {
                throw new IllegalStateException("too long");
            }
            return true;
        });
        assertTrue(o.failed());
        assertEquals(3, o.minimal().size());
        assertEquals(List.of(0, 0, 0), o.minimal(), o.describe());
        assertTrue(o.failure().contains("too long"));
    }

    @Test
    void sameSeedSameCounterexample() {
        Outcome<List<Integer>> a = Property.check("sum", 9L, 500, LISTS, l -> l.stream().mapToInt(x -> x).sum() < 3000);
        Outcome<List<Integer>> b = Property.check("sum", 9L, 500, LISTS, l -> l.stream().mapToInt(x -> x).sum() < 3000);
        assertEquals(a, b);
    }

    @Test
    void truePropertyPasses() {
        assertFalse(Property.check("sizes", 1L, 200, LISTS, l -> l.size() <= 40).failed());
    }

    @Test
    void intShrinkerMovesTowardTarget() {
        assertEquals(List.of(0, 5, 9), Shrinker.intToward(0).candidates(10));
        assertEquals(List.of(), Shrinker.intToward(0).candidates(0));
        assertEquals(List.of(0, -1), Shrinker.intToward(0).candidates(-2));
    }
}
