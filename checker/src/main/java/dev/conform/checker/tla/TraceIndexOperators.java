package dev.conform.checker.tla;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.Applicable;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

/**
 * Java bodies of the operators of {@code TraceIndex.tla}: indexes over a whole trace that a
 * trace spec computes once (as constants) and consults at every step. The TLA+ definitions are
 * the meaning; these bodies compute the same values in O(n log n) instead of O(n^2), and
 * {@code GetOr} looks keys up by binary search where TLC's own function application scans the
 * domain. Keys are compared with TLC's value order, so they must be comparable (e.g. all
 * records, or all integers); TLC reports an error otherwise.
 */
public final class TraceIndexOperators {
    private TraceIndexOperators() {
    }

    /** {@code NextIndexOf(s)[j]}: the least k > j with s[k] = s[j], else Len(s) + 1. */
    @TLAPlusOperator(identifier = "NextIndexOf", module = "TraceIndex", warn = false)
    public static Value nextIndexOf(Value s) {
        Value[] e = elements(s, "NextIndexOf");
        Value[] out = new Value[e.length];
        TreeMap<Value, Integer> next = new TreeMap<>(Value::compareTo);
        for (int j = e.length - 1; j >= 0; j--) {
            Integer k = next.put(e[j], j + 1);
            out[j] = IntValue.gen(k == null ? e.length + 1 : k);
        }
        return new TupleValue(out);
    }

    /** {@code MaxByKey(keys, vals)}: for each key of keys, the largest vals[j] with keys[j] = key. */
    @TLAPlusOperator(identifier = "MaxByKey", module = "TraceIndex", warn = false)
    public static Value maxByKey(Value keys, Value vals) {
        Value[] k = elements(keys, "MaxByKey");
        Value[] v = elements(vals, "MaxByKey");
        if (k.length != v.length) {
            throw new IllegalArgumentException("MaxByKey: " + k.length + " keys but " + v.length + " values");
        }
        TreeMap<Value, Integer> max = new TreeMap<>(Value::compareTo);
        for (int j = 0; j < k.length; j++) {
            if (!(v[j] instanceof IntValue iv)) {
                throw new IllegalArgumentException("MaxByKey: value " + (j + 1) + " is not an integer: " + v[j]);
            }
            max.merge(k[j], iv.val, Math::max);
        }
        List<Value> dom = new ArrayList<>(max.keySet());
        Value[] rng = max.values().stream().map(IntValue::gen).toArray(Value[]::new);
        return new FcnRcdValue(dom.toArray(new Value[0]), rng, true);
    }

    /** {@code GetOr(f, x, d)}: f[x] when x is in DOMAIN f, else d. */
    @TLAPlusOperator(identifier = "GetOr", module = "TraceIndex", warn = false)
    public static Value getOr(Value f, Value x, Value d) {
        if (f instanceof FcnRcdValue fr && fr.intv == null) {
            fr.normalize(); // sorts the domain once; a no-op when it is sorted already
            int lo = 0;
            int hi = fr.domain.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = fr.domain[mid].compareTo(x);
                if (c == 0) {
                    return fr.values[mid];
                }
                if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return d;
        }
        if (!(f instanceof Applicable a)) {
            throw new IllegalArgumentException("GetOr: not a function: " + f);
        }
        return a.getDomain().member(x) ? a.select(x) : d;
    }

    private static Value[] elements(Value s, String op) {
        Value t = s instanceof TupleValue ? s : s.toTuple();
        if (!(t instanceof TupleValue tv)) {
            throw new IllegalArgumentException(op + ": not a sequence: " + s);
        }
        return tv.elems;
    }
}
