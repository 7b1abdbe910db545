package dev.conform.checker.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * ConcatCommonPrefixLen against its TLA+ definition restated naively, on random logs that share
 * long prefixes, with the same first parts passed again (the remembered comparison) next to
 * fresh copies of them and other second parts.
 */
class TraceSeqOperatorsTest {
    static Value entry(int term, String value) {
        return new RecordValue(new UniqueString[] {UniqueString.uniqueStringOf("term"),
                UniqueString.uniqueStringOf("value")}, new Value[] {IntValue.gen(term), new StringValue(value)}, false)
                .normalize();
    }

    /** A log of n entries following {@code base} where it can, with a random difference now and then. */
    static TupleValue log(SplittableRandom rnd, List<int[]> base, int n) {
        Value[] v = new Value[n];
        for (int k = 0; k < n; k++) {
            int[] e = k < base.size() && rnd.nextInt(12) != 0 ? base.get(k) : new int[] {rnd.nextInt(1, 3), rnd.nextInt(2)};
            v[k] = entry(e[0], "v" + e[1]); // a fresh object each time: equal by value, not identity
        }
        return new TupleValue(v);
    }

    static int naive(TupleValue a1, TupleValue b1, TupleValue a2, TupleValue b2) {
        List<Value> x = new ArrayList<>(List.of(a1.elems));
        x.addAll(List.of(b1.elems));
        List<Value> y = new ArrayList<>(List.of(a2.elems));
        y.addAll(List.of(b2.elems));
        int n = Math.min(x.size(), y.size());
        for (int k = 0; k < n; k++) {
            if (!x.get(k).equals(y.get(k))) {
                return k;
            }
        }
        return n;
    }

    static int got(TupleValue a1, TupleValue b1, TupleValue a2, TupleValue b2) {
        return ((IntValue) TraceSeqOperators.concatCommonPrefixLen(a1, b1, a2, b2)).val;
    }

    @Test
    void matchesItsDefinitionWithRememberedAndFreshFirstParts() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int round = 0; round < 300; round++) {
            List<int[]> base = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                base.add(new int[] {1 + k / 10, rnd.nextInt(2)});
            }
            TupleValue a1 = log(rnd, base, rnd.nextInt(0, 25));
            TupleValue a2 = rnd.nextInt(5) == 0 ? a1 : log(rnd, base, rnd.nextInt(0, 25));
            for (int step = 0; step < 6; step++) {
                List<int[]> after1 = base.subList(a1.elems.length, base.size());
                List<int[]> after2 = base.subList(a2.elems.length, base.size());
                TupleValue b1 = log(rnd, after1, rnd.nextInt(0, 12));
                TupleValue b2 = log(rnd, after2, rnd.nextInt(0, 12));
                assertEquals(naive(a1, b1, a2, b2), got(a1, b1, a2, b2), "round " + round + " step " + step);
                assertEquals(naive(a2, b2, a1, b1), got(a2, b2, a1, b1), "round " + round + " step " + step);
                if (rnd.nextBoolean()) {
                    a2 = log(rnd, base, rnd.nextInt(0, 25)); // a new compacted log: not remembered
                }
            }
        }
    }

    @Test
    void emptyAndIdenticalLogs() {
        TupleValue none = new TupleValue(new Value[0]);
        TupleValue one = new TupleValue(new Value[] {entry(1, "a")});
        assertEquals(0, got(none, none, none, none));
        assertEquals(0, got(none, one, none, none));
        assertEquals(1, got(one, none, none, one));
        assertEquals(1, got(one, one, one, none));
        assertEquals(0, got(none, new TupleValue(new Value[] {entry(2, "a")}), one, none));
    }
}
