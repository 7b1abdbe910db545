package dev.conform.checker.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownAnswerTest {
    private static final long P = Ops.PENDING;

    private static Result check(Ops ops, Model model) {
        return Linearizability.check(ops.history(), model, Budget.defaults());
    }

    private static List<Integer> ids(Result r) {
        return r.witness().stream().map(Operation::id).toList();
    }

    @Test
    void sequentialHistoryIsLinearizable() {
        Ops h = new Ops().write(0, null, "1", 0, 1).read(1, null, "1", 2, 3).write(0, null, "2", 4, 5)
            .read(1, null, "2", 6, 7);
        assertEquals(Verdict.OK, check(h, Model.REGISTER).verdict());
    }

    @Test
    void staleReadIsIllegalAndItsWitnessIsTheWritesAndTheRead() {
        // p0 writes 1 and is acknowledged; later p1 reads the value before it: a stale read. The
        // witness keeps the write of 0 (the read saw it) and drops the reads that are fine.
        Ops h = new Ops().write(2, null, "0", 0, 1).write(0, null, "1", 2, 3).read(2, null, "1", 4, 5)
            .read(1, null, "0", 6, 7).read(2, null, "1", 8, 9);
        Result r = check(h, Model.REGISTER);
        assertEquals(Verdict.ILLEGAL, r.verdict());
        assertEquals(List.of(0, 1, 3), ids(r), r.witness().toString());
        assertTrue(r.witnessMinimal());
    }

    @Test
    void lostUpdateIsIllegalAndKeepsTheWriteTheCasReadFrom() {
        // write 1; a cas 1->2 succeeds; yet a later read sees 1: the cas's update was lost.
        Ops h = new Ops().write(0, null, "1", 0, 1).cas(1, null, "1", "2", true, 2, 3).read(2, null, "1", 4, 5);
        Result r = check(h, Model.CAS_REGISTER);
        assertEquals(Verdict.ILLEGAL, r.verdict());
        assertEquals(List.of(0, 1, 2), ids(r));
        assertFalse(BruteForce.linearizable(r.witness(), Model.CAS_REGISTER));
    }

    @Test
    void twoCasFromTheSameValueCannotBothSucceed() {
        Ops h = new Ops().write(0, null, "1", 0, 1).cas(1, null, "1", "2", true, 2, 10)
            .cas(2, null, "1", "3", true, 3, 11);
        assertEquals(Verdict.ILLEGAL, check(h, Model.CAS_REGISTER).verdict());
    }

    @Test
    void aReadConcurrentWithAWriteMaySeeEitherValueButNotGoBack() {
        Ops ok = new Ops().write(0, null, "1", 0, 10).read(1, null, null, 1, 2).read(1, null, "1", 3, 4);
        assertEquals(Verdict.OK, check(ok, Model.REGISTER).verdict());
        Ops back = new Ops().write(0, null, "1", 0, 10).read(1, null, "1", 1, 2).read(1, null, null, 3, 4);
        Result r = check(back, Model.REGISTER);
        assertEquals(Verdict.ILLEGAL, r.verdict());
        assertEquals(List.of(0, 1, 2), ids(r));
    }

    @Test
    void unknownOutcomesMayOrMayNotTakeEffect() {
        // A timed-out write may be seen...
        Ops seen = new Ops().write(0, null, "1", 0, P).read(1, null, "1", 5, 6);
        assertEquals(Verdict.OK, check(seen, Model.REGISTER).verdict());
        // ...or never seen...
        Ops unseen = new Ops().write(0, null, "1", 0, P).read(1, null, null, 5, 6).read(1, null, null, 7, 8);
        assertEquals(Verdict.OK, check(unseen, Model.REGISTER).verdict());
        // ...but not before it was invoked, and not undone once seen.
        Ops early = new Ops().read(1, null, "1", 0, 1).write(0, null, "1", 2, P);
        assertEquals(Verdict.ILLEGAL, check(early, Model.REGISTER).verdict());
        Ops undone = new Ops().write(0, null, "1", 0, P).read(1, null, "1", 5, 6).read(1, null, null, 7, 8);
        assertEquals(Verdict.ILLEGAL, check(undone, Model.REGISTER).verdict());
        // A timed-out cas may have taken effect.
        Ops cas = new Ops().write(0, null, "1", 0, 1).cas(1, null, "1", "2", true, 2, P).read(2, null, "2", 5, 6);
        assertEquals(Verdict.OK, check(cas, Model.CAS_REGISTER).verdict());
    }

    @Test
    void aFailedCasSawAnotherValue() {
        Ops h = new Ops().write(0, null, "1", 0, 1).cas(1, null, "1", "2", false, 2, 3);
        assertEquals(Verdict.ILLEGAL, check(h, Model.CAS_REGISTER).verdict());
        Ops concurrent = new Ops().write(0, null, "1", 0, 1).write(2, null, "5", 2, 9).cas(1, null, "1", "2", false, 3, 4);
        assertEquals(Verdict.OK, check(concurrent, Model.CAS_REGISTER).verdict());
    }

    @Test
    void keysAreCheckedApartAndTheFailingKeyIsNamed() {
        Ops h = new Ops().write(0, "x", "1", 0, 1).write(1, "y", "1", 0, 1).read(0, "x", "1", 2, 3)
            .read(1, "y", null, 2, 3);
        Result r = check(h, Model.KV);
        assertEquals(Verdict.ILLEGAL, r.verdict());
        assertEquals("y", r.key());
        assertEquals(2, r.keys());
        Ops fine = new Ops().write(0, "x", "1", 0, 1).write(1, "y", "2", 0, 1).read(0, "x", "1", 2, 3)
            .read(1, "y", "2", 2, 3);
        assertEquals(Verdict.OK, check(fine, Model.KV).verdict());
    }

    @Test
    void appendsConcatenateInLinearizationOrder() {
        Ops h = new Ops().append(0, "k", "a", 0, 5).append(1, "k", "b", 0, 5).read(2, "k", "ba", 6, 7);
        assertEquals(Verdict.OK, check(h, Model.KV).verdict());
        Ops bad = new Ops().append(0, "k", "a", 0, 1).append(1, "k", "b", 2, 3).read(2, "k", "ba", 6, 7);
        assertEquals(Verdict.ILLEGAL, check(bad, Model.KV).verdict());
    }

    @Test
    void theModelRejectsOperationsItDoesNotHave() {
        Ops h = new Ops().cas(0, null, null, "1", true, 0, 1);
        assertThrows(IllegalArgumentException.class, () -> check(h, Model.REGISTER));
        Ops keys = new Ops().write(0, "x", "1", 0, 1).write(0, "y", "1", 2, 3);
        assertThrows(IllegalArgumentException.class, () -> check(keys, Model.CAS_REGISTER));
    }

    @Test
    void aSpentBudgetIsUnknownNeverOk() {
        Ops h = new Ops();
        for (int i = 0; i < 12; i++) {
            h.write(i, null, "v" + i, 0, 100);
        }
        h.read(20, null, "v3", 101, 102);
        Result r = Linearizability.check(h.history(), Model.REGISTER, new Budget(null, 5));
        assertEquals(Verdict.UNKNOWN, r.verdict());
        assertTrue(r.reason().contains("5"), r.reason());
        Result timed = Linearizability.check(h.history(), Model.REGISTER, new Budget(Duration.ofSeconds(30), 0));
        assertEquals(Verdict.OK, timed.verdict());
    }
}
