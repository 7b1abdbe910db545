package dev.conform.algorithms.crdt;

import dev.conform.runtime.prop.Outcome;
import dev.conform.runtime.prop.Property;
import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The law tests would catch a wrong merge, and the shrinker boils the counterexample down to the
 * smallest execution that shows it.
 */
class ShrinkerFindsBrokenMergeTest {
    /** Adds counts instead of taking the maximum: counts every gossiped increment again. */
    private static GCounter summingMerge(GCounter a, GCounter b) {
        TreeMap<Integer, Long> m = new TreeMap<>(a.counts());
        b.counts().forEach((k, v) -> m.merge(k, v, Long::sum));
        return new GCounter(m);
    }

    @Test
    void summingCounterMergeIsNotIdempotentAndShrinksToOneIncrement() {
        CrdtModel<GCounter> broken = CrdtModel.with("SummingGCounter", GCounter.zero(),
            (s, r, a) -> s.increment(r, 1 + a % 3), ShrinkerFindsBrokenMergeTest::summingMerge, GCounter::leq);
        Outcome<History> o = Property.check("idempotent", 7L, 2_000, History.arbitrary(24),
            h -> MergeLaws.IDEMPOTENT.holdsAfter(broken, h));
        assertTrue(o.failed(), o.describe());
        assertEquals(1, o.minimal().ops().size(), o.describe());
        History.Op op = o.minimal().ops().get(0);
        assertEquals(new History.Op(0, false, 0, 0), op, o.describe());
        assertTrue(o.original().ops().size() >= o.minimal().ops().size());
    }

    @Test
    void leftBiasedRegisterMergeIsNotCommutativeAndShrinksToOneWrite() {
        CrdtModel<LWWRegister> broken = CrdtModel.with("LeftBiasedRegister", LWWRegister.empty(),
            (s, r, a) -> s.assign("v" + a % 3, new Timestamp(a % 4, 0, r)), (a, b) -> a, LWWRegister::leq);
        Outcome<History> o = Property.check("commutative", 11L, 2_000, History.arbitrary(24),
            h -> MergeLaws.COMMUTATIVE.holdsAfter(broken, h));
        assertTrue(o.failed(), o.describe());
        assertEquals(1, o.minimal().ops().size(), o.describe());
        assertFalse(o.minimal().ops().get(0).merge(), o.describe());
        assertEquals(0, o.minimal().ops().get(0).replica(), o.describe());
    }

    @Test
    void correctMergePassesTheSameCheck() {
        Outcome<History> o = Property.check("idempotent", 7L, 2_000, History.arbitrary(24),
            h -> MergeLaws.IDEMPOTENT.holdsAfter(CrdtModel.G_COUNTER, h));
        assertFalse(o.failed(), o.describe());
    }
}
