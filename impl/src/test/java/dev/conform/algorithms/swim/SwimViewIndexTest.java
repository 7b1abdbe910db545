package dev.conform.algorithms.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The view's index of alive and suspect entries (count, rank, r-th entry) against a scan of the
 * statuses, over seeded sequences of changes on views that span several 64-entry words.
 */
class SwimViewIndexTest {
    @Test
    void countRankAndSelectMatchAScan() {
        for (int n : new int[] {1, 63, 64, 65, 200, 1_000}) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                ids.add(i * 3); // ids need not be positions
            }
            SwimView view = new SwimView(ids);
            SplittableRandom random = new SplittableRandom(n);
            for (int step = 0; step < 4_000; step++) {
                view.set(random.nextInt(n), (byte) random.nextInt(SwimView.LEFT + 1), random.nextInt(3));
                List<Integer> reachable = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    byte s = view.status(i);
                    assertEquals(s == SwimView.ALIVE || s == SwimView.SUSPECT, view.reachable(i));
                    if (view.reachable(i)) {
                        reachable.add(i);
                    }
                }
                assertEquals(reachable.size(), view.reachableCount(), "n " + n + " step " + step);
                int probe = random.nextInt(n);
                assertEquals((int) reachable.stream().filter(i -> i < probe).count(), view.rank(probe));
                for (int r = 0; r < reachable.size(); r += 1 + r / 8) {
                    assertEquals(reachable.get(r), view.select(r), "n " + n + " step " + step + " rank " + r);
                }
            }
        }
    }
}
