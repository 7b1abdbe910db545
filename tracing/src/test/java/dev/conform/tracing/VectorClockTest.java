package dev.conform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The array-backed clock against a sorted-map model of the same operations. */
class VectorClockTest {

    @Test
    void behavesLikeASortedMapOfNonZeroCounters() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 2_000; round++) {
            TreeMap<Integer, Long> ma = randomMap(rnd);
            TreeMap<Integer, Long> mb = randomMap(rnd);
            VectorClock a = VectorClock.of(ma);
            VectorClock b = VectorClock.of(mb);
            ma.values().removeIf(v -> v == 0);
            mb.values().removeIf(v -> v == 0);
            assertEquals(ma, a.asMap());
            assertEquals(ma.toString(), a.toString());
            assertEquals(ma.hashCode(), a.hashCode());
            assertEquals(ma.size(), a.size());
            int node = rnd.nextInt(8);
            TreeMap<Integer, Long> ticked = new TreeMap<>(ma);
            ticked.merge(node, 1L, Long::sum);
            assertEquals(ticked, a.tick(node).asMap());
            assertEquals(ma, a.asMap(), "tick must not change the original");
            TreeMap<Integer, Long> merged = new TreeMap<>(ma);
            mb.forEach((k, v) -> merged.merge(k, v, Math::max));
            assertEquals(merged, a.merge(b).asMap());
            boolean le = ma.entrySet().stream().allMatch(e -> e.getValue() <= mb.getOrDefault(e.getKey(), 0L));
            assertEquals(le, a.lessOrEqual(b));
            assertEquals(ma.equals(mb), a.equals(b));
            for (int n = 0; n < 8; n++) {
                assertEquals(ma.getOrDefault(n, 0L), a.get(n));
            }
            int[] ids = new int[ma.size()];
            long[] counts = new long[ma.size()];
            int i = ma.size() - 1;
            for (Map.Entry<Integer, Long> e : ma.entrySet()) {
                ids[i] = e.getKey();
                counts[i--] = e.getValue();
            }
            assertEquals(a, VectorClock.of(ids, counts), "order of the arrays does not matter");
        }
    }

    @Test
    void aPrefixOfTheArraysIsTheClockOfThoseEntries() {
        int[] ids = {3, 1, 7, 9};
        long[] counts = {2, 5, 0, 4};
        assertEquals(VectorClock.of(new int[] {3, 1, 7}, new long[] {2, 5, 0}), VectorClock.of(ids, counts, 3));
        assertEquals(VectorClock.empty(), VectorClock.of(ids, counts, 0));
        assertThrows(IllegalArgumentException.class, () -> VectorClock.of(ids, counts, 5));
        assertThrows(IllegalArgumentException.class, () -> VectorClock.of(new int[] {1, 1, 2}, new long[] {1, 1, 1}, 2));
    }

    @Test
    void rejectsRepeatedNodes() {
        assertThrows(IllegalArgumentException.class, () -> VectorClock.of(new int[] {2, 1, 2}, new long[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> VectorClock.of(new int[] {1, 1}, new long[] {1, 1}));
    }

    private static TreeMap<Integer, Long> randomMap(SplittableRandom rnd) {
        TreeMap<Integer, Long> m = new TreeMap<>();
        for (int k = rnd.nextInt(6); k > 0; k--) {
            m.put(rnd.nextInt(8), (long) rnd.nextInt(4));
        }
        return m;
    }

    @Test
    void clocksOverFixedIdsEqualThoseBuiltFromArrays() {
        int[] ids = {1, 2, 3, 101, 102};
        VectorClock.Ids fixed = new VectorClock.Ids(ids);
        SplittableRandom rnd = new SplittableRandom(29);
        for (int n = 0; n < 2_000; n++) {
            long[] counts = new long[ids.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(1, 1_000);
            }
            VectorClock c = fixed.clock(counts);
            assertEquals(VectorClock.of(ids, counts), c);
            assertEquals(VectorClock.of(ids, counts).asMap(), c.asMap());
            long before = counts[0];
            counts[0] = before + 7; // the clock copied the counters
            assertEquals(before, c.get(1));
        }
        assertThrows(IllegalArgumentException.class, () -> new VectorClock.Ids(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new VectorClock.Ids(1, 1));
        assertThrows(IllegalArgumentException.class, () -> fixed.clock(new long[2]));
    }
}
