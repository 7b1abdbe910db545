package dev.conform.algorithms.erasure.store;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every teaching flaw is caught by seeded chaos runs with disk loss and the Java replay, while the
 * same seeds without the flaw conform ({@link ErasureChaosTest}). The catch rate is printed and
 * must stay above a floor, so a weakened check shows.
 */
class ErasureFlawTest {
    private static final int SEEDS = 60;

    /**
     * What may catch each flaw first: an invariant, or (null) a step the spec does not allow.
     * ack-before-quorum's AckWrite after k StoreAcks is such a step (the spec's AckWrite needs W);
     * its consequence, a committed version on fewer than k disks, is Durable.
     */
    private static final Map<ErasureFlaw, Set<String>> EXPECTED = Map.of(
            ErasureFlaw.ACK_BEFORE_QUORUM, Set.of("spec step", "Durable", "ReadLatest"),
            ErasureFlaw.REPAIR_MIXED_VERSIONS, Set.of("NoMixedRead", "RepairExact"));

    /** Least share of the seeds whose run must be rejected. */
    private static final Map<ErasureFlaw, Integer> FLOOR_PERCENT = Map.of(
            ErasureFlaw.ACK_BEFORE_QUORUM, 90,
            ErasureFlaw.REPAIR_MIXED_VERSIONS, 20);

    @ParameterizedTest
    @EnumSource(ErasureFlaw.class)
    void flawIsCaughtByChaosAndTheJavaReplay(ErasureFlaw flaw) {
        long first = 0;
        int caught = 0;
        Map<String, Integer> by = new LinkedHashMap<>();
        String detail = "";
        for (long seed = 1; seed <= SEEDS; seed++) {
            var options = ErasureRuns.OPTIONS.withFlaw(flaw.flawName());
            ReplayResult r = ErasureRuns.judge(seed, options);
            if (r.conforms()) {
                continue;
            }
            String what = r.failure().invariant() == null ? "spec step" : r.failure().invariant();
            assertTrue(EXPECTED.get(flaw).contains(what), flaw + " at seed " + seed + " was caught by " + what
                    + ", expected one of " + EXPECTED.get(flaw) + ": " + r.failure().message() + "\n  "
                    + ErasureRuns.replay(seed, options));
            caught++;
            by.merge(what, 1, Integer::sum);
            if (first == 0) {
                first = seed;
                detail = "\n    " + r.failure().message() + "\n    replay: " + ErasureRuns.replay(seed, options);
            }
        }
        System.out.println("erasure flaw " + flaw.flawName() + ": " + (first == 0 ? "not caught" : "first caught at seed "
                + first) + ", " + caught + "/" + SEEDS + " runs rejected " + by + detail);
        assertNotEquals(0, first, flaw.flawName() + " was not caught in " + SEEDS + " seeds");
        assertTrue(caught * 100 >= FLOOR_PERCENT.get(flaw) * SEEDS, flaw.flawName() + " caught in " + caught + "/" + SEEDS
                + " runs, below the floor of " + FLOOR_PERCENT.get(flaw) + "%");
    }
}
