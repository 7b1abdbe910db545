package dev.conform.algorithms.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.algorithms.swim.SwimMessage.Update;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dissemination queue against a plain model of its rule (sort everything queued by times sent,
 * then newest first; take the first {@code piggyback}; drop what reached {@code retransmit}) over
 * seeded sequences of adds and takes, queues of up to 300 updates.
 */
class DisseminatorTest {
    @Test
    void takesWhatTheRuleSaysInTheOrderItSays() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int retransmit = 1 + random.nextInt(5);
            int piggyback = 1 + random.nextInt(7);
            Disseminator queue = new Disseminator(retransmit, piggyback);
            Map<Integer, long[]> model = new LinkedHashMap<>(); // member -> {stamp, sent, inc}
            long clock = 0;
            for (int step = 0; step < 3_000; step++) {
                if (random.nextInt(3) > 0) {
                    int member = random.nextInt(300);
                    int inc = random.nextInt(1_000);
                    queue.add(new Update(member, "alive", inc));
                    model.put(member, new long[] {++clock, 0, inc});
                } else {
                    List<Update> out = new ArrayList<>();
                    queue.take(out);
                    List<Map.Entry<Integer, long[]>> sorted = new ArrayList<>(model.entrySet());
                    sorted.sort(Comparator.<Map.Entry<Integer, long[]>>comparingLong(e -> e.getValue()[1])
                            .thenComparingLong(e -> -e.getValue()[0]));
                    List<Update> expected = new ArrayList<>();
                    for (Map.Entry<Integer, long[]> e : sorted.subList(0, Math.min(piggyback, sorted.size()))) {
                        expected.add(new Update(e.getKey(), "alive", (int) e.getValue()[2]));
                        if (++e.getValue()[1] >= retransmit) {
                            model.remove(e.getKey());
                        }
                    }
                    assertEquals(expected, out, "seed " + seed + " step " + step);
                    assertEquals(model.size(), queue.size());
                }
            }
        }
    }
}
