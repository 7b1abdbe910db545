package dev.conform.algorithms.paxos;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every teaching flaw is caught by seeded chaos runs and the Java invariants: within a bounded
 * search some run with the flaw on breaks a safety invariant the flaw is about, while the same
 * seeds without the flaw conform ({@link PaxosChaosTest}). The figures are printed.
 */
class PaxosFlawTest {
    private static final int SEEDS = 60;

    /** The invariants each flaw may be caught by (the first violation of a run is reported). */
    private static final Map<PaxosFlaw, Set<String>> EXPECTED = Map.of(
            PaxosFlaw.NO_ADOPT_HIGHEST, Set.of("Agreement", "LogConsistency"),
            PaxosFlaw.ACCEPT_BELOW_PROMISE, Set.of("AcceptedBelowPromise"),
            PaxosFlaw.SNAPSHOT_OVERWRITES_NEWER, Set.of("Agreement", "LogConsistency"),
            PaxosFlaw.MINORITY_QUORUM, Set.of("Agreement"));

    @ParameterizedTest
    @EnumSource(PaxosFlaw.class)
    void flawIsCaughtByChaosAndTheJavaInvariants(PaxosFlaw flaw) {
        long first = 0;
        int caught = 0;
        Map<String, Integer> byInvariant = new LinkedHashMap<>();
        String detail = "";
        for (long seed = 1; seed <= SEEDS; seed++) {
            ReplayResult r = PaxosRuns.judge(seed, PaxosRuns.OPTIONS.withFlaw(flaw.flawName()));
            if (r.conforms()) {
                continue;
            }
            String inv = r.failure().invariant();
            assertTrue(EXPECTED.get(flaw).contains(inv), flaw + " at seed " + seed + " broke " + inv + ", expected one of "
                    + EXPECTED.get(flaw) + ": " + r.failure().message() + "\n  " + PaxosRuns.replay(seed, flaw.flawName()));
            caught++;
            byInvariant.merge(inv, 1, Integer::sum);
            if (first == 0) {
                first = seed;
                detail = "\n    " + r.failure().message() + "\n    replay: " + PaxosRuns.replay(seed, flaw.flawName());
            }
        }
        System.out.println("paxos flaw " + flaw.flawName() + ": " + (first == 0 ? "not caught" : "first caught at seed "
                + first) + ", " + caught + "/" + SEEDS + " runs rejected " + byInvariant + detail);
        assertNotEquals(0, first, flaw.flawName() + " was not caught in " + SEEDS + " seeds");
    }
}
