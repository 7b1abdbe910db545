package dev.conform.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The agenda heap against a sorted-set oracle, with removals and re-timed events. */
class EventQueueTest {
    private static final Comparator<SimEvent> ORDER =
            Comparator.<SimEvent>comparingLong(e -> e.time).thenComparingLong(e -> e.seq);

    @Test
    void pollsInTimeThenSequenceOrderUnderRandomOperations() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            EventQueue q = new EventQueue();
            TreeSet<SimEvent> oracle = new TreeSet<>(ORDER);
            List<SimEvent> queued = new ArrayList<>();
            long seq = 0;
            for (int step = 0; step < 5_000; step++) {
                int op = rnd.nextInt(10);
                if (op < 4 || queued.isEmpty()) {
                    SimEvent e = new SimEvent();
                    e.time = rnd.nextLong(0, 50);
                    e.seq = seq++;
                    q.add(e);
                    oracle.add(e);
                    queued.add(e);
                } else if (op < 6) {
                    SimEvent e = queued.remove(rnd.nextInt(queued.size()));
                    oracle.remove(e);
                    assertEquals(true, q.remove(e));
                    assertFalse(q.remove(e), "removed twice");
                } else if (op < 8) {
                    SimEvent e = queued.get(rnd.nextInt(queued.size()));
                    oracle.remove(e);
                    e.time = rnd.nextLong(0, 60);
                    e.seq = seq++;
                    q.moved(e);
                    oracle.add(e);
                } else {
                    SimEvent expected = oracle.pollFirst();
                    assertSame(expected, q.poll(), "seed " + seed + " step " + step);
                    queued.remove(expected);
                }
                assertEquals(oracle.size(), q.size());
                assertSame(oracle.isEmpty() ? null : oracle.first(), q.peek());
            }
        }
    }
}
