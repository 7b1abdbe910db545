package dev.conform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FieldMap behaves as the LinkedHashMap it replaces, for every reader of a trace state. */
class FieldMapTest {

    @Test
    void readsLikeTheLinkedHashMapWithTheSameEntries() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int n = 0; n < 300; n++) {
            FieldMap.Builder b = FieldMap.builder(rnd.nextInt(4));
            Map<String, Object> expected = new LinkedHashMap<>();
            for (int k = rnd.nextInt(12); k > 0; k--) {
                String key = "f" + rnd.nextInt(40);
                if (expected.containsKey(key)) {
                    continue;
                }
                switch (rnd.nextInt(4)) {
                    case 0 -> {
                        long v = rnd.nextLong();
                        b.put(key, v);
                        expected.put(key, v);
                    }
                    case 1 -> {
                        Integer v = rnd.nextInt();
                        b.put(key, (Object) v);
                        expected.put(key, v);
                    }
                    case 2 -> {
                        b.put(key, (Object) null);
                        expected.put(key, null);
                    }
                    default -> {
                        List<Object> v = List.of("s" + k, (long) k);
                        b.put(key, v);
                        expected.put(key, v);
                    }
                }
            }
            FieldMap f = b.build();
            assertEquals(expected, f);
            assertEquals(f, expected);
            assertEquals(expected.hashCode(), f.hashCode());
            assertEquals(expected.toString(), f.toString());
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(f.keySet()));
            assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(f.values()));
            for (String k : expected.keySet()) {
                assertTrue(f.containsKey(k));
                assertEquals(expected.get(k), f.get(k));
            }
            assertFalse(f.containsKey("absent"));
            assertNull(f.get("absent"));
        }
    }

    @Test
    void integersStayUnboxedAndTypesArePreserved() {
        FieldMap f = FieldMap.builder(2).put("a", 7L).put("b", (Object) 3).build();
        assertTrue(f.isLongAt(0));
        assertEquals(7L, f.longAt(0));
        assertFalse(f.isLongAt(1));
        assertEquals(Long.valueOf(7), f.get("a"));
        assertEquals(Integer.valueOf(3), f.get("b"));
    }

    @Test
    void isImmutableAndRejectsRepeatedKeys() {
        FieldMap.Builder b = FieldMap.builder(1).put("a", 1L);
        assertThrows(IllegalArgumentException.class, () -> b.put("a", 2L));
        FieldMap f = b.build();
        assertThrows(IllegalStateException.class, () -> b.put("c", 1L));
        assertThrows(UnsupportedOperationException.class, () -> f.put("b", 1L));
        assertThrows(UnsupportedOperationException.class, () -> f.entrySet().iterator().next().setValue(2L));
        assertThrows(IndexOutOfBoundsException.class, () -> f.keyAt(1));
    }
}
