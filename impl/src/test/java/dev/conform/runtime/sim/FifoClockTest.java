package dev.conform.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FifoClock} against a plain map that never forgets (the n x n matrix it replaced). */
class FifoClockTest {
    @Test
    void sameTimesAsAMapThatKeepsEverything() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            FifoClock fifo = new FifoClock();
            Map<Long, Long> oracle = new HashMap<>();
            int links = 1 + r.nextInt(5_000);
            long now = 0;
            for (int i = 0; i < 50_000; i++) {
                now += r.nextInt(3);
                long link = r.nextLong(links);
                long due = now + 1 + r.nextLong(40);
                long expected = Math.max(due, oracle.getOrDefault(link, 0L));
                oracle.put(link, expected);
                assertEquals(expected, fifo.next(link, due, now), "seed " + seed + " step " + i);
            }
            assertTrue(fifo.size() <= oracle.size());
        }
    }

    @Test
    void forgetsLinksWhoseLastDeliveryIsPast() {
        FifoClock fifo = new FifoClock();
        for (long link = 0; link < 100_000; link++) {
            fifo.next(link, link + 1, link); // one send per link, each due one tick later
        }
        assertTrue(fifo.size() < 1_000, "kept " + fifo.size());
    }
}
