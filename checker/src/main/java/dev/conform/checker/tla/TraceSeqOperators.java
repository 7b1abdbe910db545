package dev.conform.checker.tla;

import java.util.LinkedHashMap;
import java.util.Map;
import tlc2.overrides.TLAPlusOperator;
import tlc2.tool.EvalControl;
import tlc2.value.impl.FrozenSeqValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;

/**
 * Java bodies of the operators of {@code TraceSeq.tla}. {@code ConcatCommonPrefixLen} is evaluated
 * in every state of a trace (e.g. for Raft's LogMatching over compacted + live logs), and the
 * compacted parts only grow with the trace: compared from scratch every time, the check would
 * make validation quadratic. TLC values are immutable and a state shares the values of the
 * variables a step did not change, so this class remembers, per pair of first parts (by
 * identity), how long their common prefix is; only the entries after the shorter first part are
 * compared again. The answer is the TLA+ definition's, whatever is remembered: a forgotten or
 * never-seen pair is compared in full.
 * {@code FrozenConcat}/{@code FrozenAt} build and read a compacted log as a
 * {@link FrozenSeqValue}, which TLC does not walk again when it normalizes a state.
 */
public final class TraceSeqOperators {
    /** Pairs of first parts remembered; TLC keeps a handful of candidate states per step. */
    static final int MEMORY = 256;

    private static final Map<Pair, Integer> COMMON = new LinkedHashMap<>(MEMORY * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, Integer> eldest) {
            return size() > MEMORY;
        }
    };

    private TraceSeqOperators() {
    }

    /** {@code ConcatCommonPrefixLen(a1, b1, a2, b2)}: the longest common prefix of a1 \o b1 and a2 \o b2. */
    @TLAPlusOperator(identifier = "ConcatCommonPrefixLen", module = "TraceSeq", warn = false)
    public static Value concatCommonPrefixLen(Value a1, Value b1, Value a2, Value b2) {
        return IntValue.gen(commonPrefixLen(a1, b1, a2, b2));
    }

    /**
     * {@code FrozenConcat(s, t)}: {@code s \o t} as a {@link FrozenSeqValue}, the same value that
     * TLC does not walk again when it fingerprints the states holding it.
     */
    @TLAPlusOperator(identifier = "FrozenConcat", module = "TraceSeq", warn = false)
    public static Value frozenConcat(Value s, Value t) {
        return FrozenSeqValue.concat(s, t);
    }

    /** {@code FrozenAt(s, k)}: {@code s[k]}, also for a {@link FrozenSeqValue}, which TLC does not apply itself. */
    @TLAPlusOperator(identifier = "FrozenAt", module = "TraceSeq", warn = false)
    public static Value frozenAt(Value s, Value k) {
        Value t = s.toTuple();
        if (!(t instanceof TupleValue tv)) {
            throw new IllegalArgumentException("FrozenAt: not a sequence: " + s);
        }
        return tv.apply(k, EvalControl.Clear);
    }

    static int commonPrefixLen(Value a1, Value b1, Value a2, Value b2) {
        Value[] x1 = elements(a1);
        Value[] y1 = elements(b1);
        Value[] x2 = elements(a2);
        Value[] y2 = elements(b2);
        int n = Math.min(x1.length + y1.length, x2.length + y2.length);
        int m = Math.min(x1.length, x2.length);
        int k = firstParts(a1, x1, a2, x2, m);
        if (k < m) {
            return k;
        }
        while (k < n && at(x1, y1, k).equals(at(x2, y2, k))) {
            k++;
        }
        return k;
    }

    /** The common prefix of x1 and x2 within their first m entries, remembered per pair of values. */
    private static int firstParts(Value a1, Value[] x1, Value a2, Value[] x2, int m) {
        if (a1 == a2) {
            return m;
        }
        Pair key = new Pair(a1, a2);
        synchronized (COMMON) {
            Integer known = COMMON.get(key);
            if (known != null) {
                return known;
            }
        }
        int k = 0;
        while (k < m && (x1[k] == x2[k] || x1[k].equals(x2[k]))) {
            k++;
        }
        synchronized (COMMON) {
            COMMON.put(key, k);
        }
        return k;
    }

    private static Value at(Value[] x, Value[] y, int k) {
        return k < x.length ? x[k] : y[k - x.length];
    }

    private static Value[] elements(Value s) {
        Value t = s instanceof TupleValue ? s : s.toTuple();
        if (!(t instanceof TupleValue tv)) {
            throw new IllegalArgumentException("ConcatCommonPrefixLen: not a sequence: " + s);
        }
        return tv.elems;
    }

    /** Two values compared by identity: the key holds them, so their identities stay unique. */
    private record Pair(Value a, Value b) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && p.a == a && p.b == b;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(a) + System.identityHashCode(b);
        }
    }
}
