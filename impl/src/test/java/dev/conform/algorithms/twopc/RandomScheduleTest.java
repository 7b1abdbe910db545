package dev.conform.algorithms.twopc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random schedules (delivery order, message loss, crashes, restarts, timers) check the
 * spec's Consistency and CommitValidity after every step, and that once every node is back and
 * the network is quiet, everyone has decided. A failure names the seed that replays it.
 */
class RandomScheduleTest {
    private static final int SEEDS = Integer.getInteger("conform.twopc.seeds", 300);
    private static final List<String> TIMERS = List.of(TwoPhaseTimers.VOTE, TwoPhaseTimers.RESEND,
            TwoPhaseTimers.PREPARE, TwoPhaseTimers.ASK);

    @Test
    void safeUnderCrashesAndLossAndLiveOnceEveryoneIsBack() {
        for (long seed = 0; seed < SEEDS; seed++) {
            String broken = run(seed, Options.empty().with("cooperative", seed % 2 == 0));
            if (broken != null) {
                fail(broken);
            }
        }
    }

    /** The same schedules do find a planted flaw: the search is not vacuous. */
    @Test
    void theSameSchedulesCatchEachFlaw() {
        for (String flaw : new TwoPhaseAlgorithm().flaws().keySet()) {
            int caught = 0;
            for (long seed = 0; seed < SEEDS; seed++) {
                if (run(seed, Options.empty().withFlaw(flaw)) != null) {
                    caught++;
                }
            }
            System.out.println("twopc random schedules: " + flaw + " caught in " + caught + " of " + SEEDS + " seeds");
            assertTrue(caught > 0, flaw + " never caught");
        }
    }

    /** Runs one schedule; returns a description of the broken property, or null. */
    private static String run(long seed, Options base) {
        SplittableRandom choice = new SplittableRandom(seed * 31 + 1);
        Options options = base;
        if (choice.nextInt(4) == 0) {
            options = options.with("voteNo", 2 + choice.nextInt(3));
        }
        Cluster c = new Cluster(4, options, seed);
        for (int step = 0; step < 80; step++) {
            int id = 1 + choice.nextInt(4);
            int dice = choice.nextInt(100);
            if (dice < 60) {
                c.deliverOne();
            } else if (dice < 65 && !c.sim.inFlight().isEmpty()) {
                c.sim.drop(c.sim.inFlight().get(choice.nextInt(c.sim.inFlight().size())));
            } else if (dice < 72) {
                c.crash(id);
            } else if (dice < 82) {
                c.restart(id);
            } else {
                c.sim.fire(id, TIMERS.get(choice.nextInt(TIMERS.size())));
            }
            String broken = check(c, seed, step);
            if (broken != null) {
                return broken;
            }
        }
        for (int id = 1; id <= 4; id++) {
            c.restart(id);
        }
        for (int round = 0; round < 20 && !c.allDecided(); round++) {
            c.deliverAll();
            for (int id = 1; id <= 4; id++) {
                for (String t : TIMERS) {
                    c.sim.fire(id, t);
                }
            }
            c.deliverAll();
            String broken = check(c, seed, -1);
            if (broken != null) {
                return broken;
            }
        }
        return c.allDecided() ? null : "seed " + seed + ": not everyone decided once all were back";
    }

    private static String check(Cluster c, long seed, int step) {
        Map<String, String> broken = c.violations();
        if (!broken.isEmpty()) {
            return "seed " + seed + " step " + step + ": " + broken.keySet() + " broken, coordinator " + c.tmState()
                    + ", participants " + c.rmState(2) + "/" + c.rmState(3) + "/" + c.rmState(4);
        }
        return null;
    }
}
