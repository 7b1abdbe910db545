package dev.conform.algorithms.twopc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
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
            run(seed, seed % 2 == 0);
        }
    }

    private static void run(long seed, boolean cooperative) {
        SplittableRandom choice = new SplittableRandom(seed * 31 + 1);
        TwoPhaseOptions options = TwoPhaseOptions.defaults().withCooperative(cooperative);
        if (choice.nextInt(4) == 0) {
            options = options.withVoteNo(2 + choice.nextInt(3));
        }
        Cluster c = new Cluster(4, options, seed).start();
        for (int step = 0; step < 80; step++) {
            int id = 1 + choice.nextInt(4);
            int dice = choice.nextInt(100);
            if (dice < 60) {
                c.deliverOne();
            } else if (dice < 65 && !c.inFlight.isEmpty()) {
                c.inFlight.remove(choice.nextInt(c.inFlight.size()));
            } else if (dice < 72) {
                c.crash(id);
            } else if (dice < 82) {
                c.restart(id);
            } else {
                c.fire(id, TIMERS.get(choice.nextInt(TIMERS.size())));
            }
            check(c, seed, step);
        }
        for (int id = 1; id <= 4; id++) {
            c.restart(id);
        }
        for (int round = 0; round < 20 && !c.allDecided(); round++) {
            c.deliverAll();
            for (int id = 1; id <= 4; id++) {
                for (String t : TIMERS) {
                    c.fire(id, t);
                }
            }
            c.deliverAll();
            check(c, seed, -1);
        }
        assertTrue(c.allDecided(), "seed " + seed + ": not everyone decided once all were back");
    }

    private static void check(Cluster c, long seed, int step) {
        if (!c.consistent() || !c.commitValid()) {
            fail("seed " + seed + " step " + step + ": safety broken, coordinator " + c.tmState()
                    + ", participants " + c.rmState(2) + "/" + c.rmState(3) + "/" + c.rmState(4));
        }
    }
}
