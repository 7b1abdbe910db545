package dev.conform.checker.tla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tlc2.module.Sequences;
import tlc2.tool.EvalControl;
import tlc2.util.FP64;
import tlc2.value.impl.FrozenSeqValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * FrozenSeqValue is the same TLA+ value as the plain tuple of its elements: equal and ordered
 * alike both ways, same fingerprint and printed form, and the same results through TLC's
 * Sequences operators; then the same through real TLC (FrozenProbe.tla).
 */
class FrozenSeqValueTest {
    static final Path FROZEN = Path.of("src/test/resources/specs/frozen");

    @BeforeAll
    static void fingerprintTables() {
        FP64.Init(0); // TLC's fingerprints are all 0 until the tables exist
    }

    /** A record built with its fields out of order: not normalized until someone normalizes it. */
    static Value entry(int term, String value) {
        return new RecordValue(new UniqueString[] {UniqueString.uniqueStringOf("value"), UniqueString.uniqueStringOf("term")},
                new Value[] {new StringValue(value), IntValue.gen(term)}, false);
    }

    static TupleValue entries(SplittableRandom rnd, int n) {
        Value[] v = new Value[n];
        for (int k = 0; k < n; k++) {
            v[k] = entry(rnd.nextInt(1, 4), "v" + rnd.nextInt(3));
        }
        return new TupleValue(v);
    }

    static TupleValue plainConcat(TupleValue a, TupleValue b) {
        return (TupleValue) Sequences.Concat(a, b).toTuple();
    }

    @Test
    void sameValueAsThePlainTupleBuiltStepByStep() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 100; round++) {
            Value frozen = TupleValue.EmptyTuple;
            TupleValue plain = TupleValue.EmptyTuple;
            for (int step = 0; step < 8; step++) {
                TupleValue part = entries(rnd, rnd.nextInt(0, 5));
                // the plain side gets its own copies of the entries: equal by value, not identity
                TupleValue partCopy = new TupleValue(part.elems.clone());
                frozen = FrozenSeqValue.concat(frozen, part);
                plain = plainConcat(plain, partCopy);
                plain.deepNormalize();
                assertSameValue(plain, frozen, "round " + round + " step " + step);
            }
        }
    }

    static void assertSameValue(TupleValue plain, Value frozen, String where) {
        assertTrue(frozen.equals(plain), where);
        assertTrue(plain.equals(frozen), where);
        assertEquals(0, frozen.compareTo(plain), where);
        assertEquals(0, plain.compareTo(frozen), where);
        long seed = FP64.New();
        assertNotEquals(FP64.New(), plain.fingerPrint(seed), where);
        assertEquals(plain.fingerPrint(seed), frozen.fingerPrint(seed), where);
        assertEquals(plain.hashCode(), frozen.hashCode(), where);
        assertEquals(plain.toString(), frozen.toString(), where);
        assertEquals(plain.size(), frozen.size(), where);
        assertEquals(Sequences.Len(plain), Sequences.Len(frozen), where);
        for (int k = 1; k <= plain.size(); k++) {
            IntValue i = IntValue.gen(k);
            assertEquals(plain.apply(i, EvalControl.Clear), TraceSeqOperators.frozenAt(frozen, i), where);
            assertEquals(Sequences.SubSeq(plain, IntValue.gen(1), i), Sequences.SubSeq(frozen, IntValue.gen(1), i), where);
        }
        Value one = new TupleValue(IntValue.gen(1));
        assertEquals(Sequences.Concat(plain, one), Sequences.Concat(frozen, one), where);
        assertEquals(Sequences.Concat(one, plain), Sequences.Concat(one, frozen), where);
        // inside other values: records and tuples compare their fields with the same methods
        assertEquals(new TupleValue(plain, one), new TupleValue(frozen, one), where);
        assertEquals(new TupleValue(frozen, one), new TupleValue(plain, one), where);
    }

    @Test
    void differentElementsStayDifferent() {
        Value a = FrozenSeqValue.concat(TupleValue.EmptyTuple, new TupleValue(entry(1, "a"), entry(2, "b")));
        TupleValue b = new TupleValue(entry(1, "a"), entry(2, "c"));
        TupleValue shorter = new TupleValue(entry(1, "a"));
        b.deepNormalize();
        shorter.deepNormalize();
        assertNotEquals(a, b);
        assertNotEquals(b, a);
        assertNotEquals(a, shorter);
        assertTrue(a.compareTo(b) < 0 && b.compareTo(a) > 0);
        assertTrue(a.compareTo(shorter) > 0 && shorter.compareTo(a) < 0);
        long seed = FP64.New();
        assertNotEquals(b.fingerPrint(seed), a.fingerPrint(seed));
    }

    @Test
    void growingAFrozenValueKeepsItsElementsAndNormalizesOnlyTheNewOnes() {
        FrozenSeqValue a = FrozenSeqValue.concat(TupleValue.EmptyTuple, new TupleValue(entry(1, "a")));
        assertTrue(a.tuple().elems[0].isNormalized());
        FrozenSeqValue b = FrozenSeqValue.concat(a, new TupleValue(entry(2, "b")));
        assertSame(a.tuple().elems[0], b.tuple().elems[0]);
        assertTrue(b.tuple().elems[1].isNormalized());
        assertSame(b, FrozenSeqValue.of(b));
    }

    @Test
    void indexOutOfRangeAndNonSequencesFailLikeTheTlaDefinition() {
        Value a = FrozenSeqValue.concat(TupleValue.EmptyTuple, new TupleValue(entry(1, "a")));
        assertThrows(RuntimeException.class, () -> TraceSeqOperators.frozenAt(a, IntValue.gen(2)));
        assertThrows(RuntimeException.class, () -> TraceSeqOperators.frozenAt(a, IntValue.gen(0)));
        assertThrows(RuntimeException.class, () -> FrozenSeqValue.concat(IntValue.gen(3), a));
    }

    @Test
    @Tag("tlc")
    @Tag("process")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void throughTlcTheFrozenAndPlainSequencesAreOneValue(@TempDir Path work) throws Exception {
        var out = TlcProcess.run(FROZEN, work, "FrozenProbe", Map.of(), true);
        assertEquals(0, out.exit(), out.output());
        assertTrue(out.output().contains("No error has been found"), out.output());
        // n = 0..4, and each step's two ways of growing x give one state
        assertTrue(out.output().contains(" 5 distinct states found"), out.output());
    }

    @Test
    @Tag("tlc")
    @Tag("process")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void withoutTheOverrideTheProbeMeansTheSameAndFindsTheSameStates(@TempDir Path work) throws Exception {
        var out = TlcProcess.run(FROZEN, work, "FrozenProbe", Map.of(), false);
        assertEquals(0, out.exit(), out.output());
        assertTrue(out.output().contains(" 5 distinct states found"), out.output());
    }
}
