package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The flaws chaos catches with or without a Byzantine replica: prepared-2f (a Commit sent on too
 * few Prepares) and reply-f (a client accepting on f replies) show in every run, before any
 * Byzantine replica could exploit them. The other two (no-digest-check, unchecked-new-view) need a
 * Byzantine primary to send the bad PrePrepare or NewView: PbftByzantineChaosTest runs them with
 * their exploits, and {@link PbftReplicaTest} shows their mechanics.
 */
class PbftFlawTest {
    private static final int SEEDS = 10;

    private static final Map<PbftFlaw, Set<String>> EXPECTED = Map.of(
            PbftFlaw.PREPARED_2F, Set.of("PreparedCertificate", "Agreement", "NewViewChecked"),
            PbftFlaw.REPLY_F, Set.of("ReplyQuorum", "ClientLinearity"));

    @ParameterizedTest
    @EnumSource(value = PbftFlaw.class, names = {"PREPARED_2F", "REPLY_F"})
    void flawIsCaughtByChaosAndTheJavaInvariants(PbftFlaw flaw) {
        long first = 0;
        int caught = 0;
        Map<String, Integer> byInvariant = new LinkedHashMap<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            ReplayResult r = PbftRuns.judge(seed, PbftRuns.OPTIONS.withFlaw(flaw.flawName()));
            if (r.conforms()) {
                continue;
            }
            String inv = r.failure().invariant();
            assertTrue(EXPECTED.get(flaw).contains(inv), flaw + " at seed " + seed + " broke " + inv + ": "
                    + r.failure().message() + "\n  " + PbftRuns.replay(seed, flaw.flawName()));
            caught++;
            byInvariant.merge(inv, 1, Integer::sum);
            first = first == 0 ? seed : first;
        }
        System.out.println("pbft flaw " + flaw.flawName() + ": " + caught + "/" + SEEDS + " runs rejected " + byInvariant);
        assertNotEquals(0, first, flaw.flawName() + " was not caught in " + SEEDS + " seeds");
    }
}
