package dev.conform.checker.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/** The Java bodies of TraceIndex.tla against the TLA+ definitions, restated naively. */
class TraceIndexOperatorsTest {
    static TupleValue ints(int... xs) {
        Value[] v = new Value[xs.length];
        for (int i = 0; i < xs.length; i++) {
            v[i] = IntValue.gen(xs[i]);
        }
        return new TupleValue(v);
    }

    static int[] asInts(Value v) {
        Value[] e = ((TupleValue) v).elems;
        int[] out = new int[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = ((IntValue) e[i]).val;
        }
        return out;
    }

    static Value msg(String type, int to) {
        return new RecordValue(new UniqueString[] {UniqueString.uniqueStringOf("mtype"), UniqueString.uniqueStringOf("to")},
                new Value[] {new StringValue(type), IntValue.gen(to)}, false).normalize();
    }

    @Test
    void nextIndexOfMatchesItsDefinitionOnRandomSequences() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int[] s = rnd.ints(rnd.nextInt(0, 30), 0, 4).toArray();
            int[] got = asInts(TraceIndexOperators.nextIndexOf(ints(s)));
            for (int j = 0; j < s.length; j++) {
                int want = s.length + 1;
                for (int k = j + 1; k < s.length; k++) {
                    if (s[k] == s[j]) {
                        want = k + 1;
                        break;
                    }
                }
                assertEquals(want, got[j], "s = " + java.util.Arrays.toString(s) + " at " + (j + 1));
            }
        }
    }

    @Test
    void maxByKeyAndGetOrMatchTheirDefinitions() {
        SplittableRandom rnd = new SplittableRandom(11);
        String[] types = {"A", "B", "C"};
        for (int round = 0; round < 100; round++) {
            int n = rnd.nextInt(0, 25);
            List<Value> keys = new ArrayList<>();
            int[] vals = new int[n];
            for (int j = 0; j < n; j++) {
                keys.add(msg(types[rnd.nextInt(3)], rnd.nextInt(1, 4)));
                vals[j] = rnd.nextInt(0, 100);
            }
            Value f = TraceIndexOperators.maxByKey(new TupleValue(keys.toArray(new Value[0])), ints(vals));
            for (String t : types) {
                for (int to = 0; to <= 4; to++) {
                    Value k = msg(t, to);
                    int want = -1;
                    for (int j = 0; j < n; j++) {
                        if (keys.get(j).equals(k)) {
                            want = Math.max(want, vals[j]);
                        }
                    }
                    Value got = TraceIndexOperators.getOr(f, k, IntValue.gen(-1));
                    assertEquals(want, ((IntValue) got).val, t + "/" + to);
                }
            }
        }
    }

    @Test
    void getOrAlsoWorksOnFunctionsTlcBuiltAndUnsorted() {
        Value f = new FcnRcdValue(new Value[] {msg("B", 1), msg("A", 2)}, new Value[] {IntValue.gen(5), IntValue.gen(6)},
                false);
        assertEquals(6, ((IntValue) TraceIndexOperators.getOr(f, msg("A", 2), IntValue.gen(0))).val);
        assertEquals(0, ((IntValue) TraceIndexOperators.getOr(f, msg("A", 1), IntValue.gen(0))).val);
    }

    @Test
    void mismatchedLengthsAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> TraceIndexOperators.maxByKey(ints(1, 2), ints(1)));
    }
}
