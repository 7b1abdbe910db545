package dev.conform.algorithms.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Shared helpers of the erasure tests: kernels under test, seeded data, subset enumeration. */
final class Codes {
    private Codes() {
    }

    /** Both kernels; impl's surefire adds the incubator module, so the vector one must load. */
    static List<CodingKernel> kernels() {
        assertTrue(Kernels.vectorAvailable(), "run with --add-modules jdk.incubator.vector (impl/pom.xml does)");
        return List.of(Kernels.TABLE, Kernels.vector());
    }

    static byte[][] randomShards(SplittableRandom rnd, int count, int len) {
        byte[][] out = new byte[count][len];
        for (byte[] s : out) {
            rnd.nextBytes(s);
        }
        return out;
    }

    /** Calls {@code body} with every subset of {0..n-1} of exactly {@code size} elements, as flags. */
    static void subsets(int n, int size, Consumer<boolean[]> body) {
        subsets(new boolean[n], 0, size, body);
    }

    private static void subsets(boolean[] chosen, int from, int left, Consumer<boolean[]> body) {
        if (left == 0) {
            body.accept(chosen.clone());
            return;
        }
        for (int i = from; i <= chosen.length - left; i++) {
            chosen[i] = true;
            subsets(chosen, i + 1, left - 1, body);
            chosen[i] = false;
        }
    }

    /**
     * MDS: every k of the k+m rows of the codec's generator form an invertible matrix, decided by
     * the oracle's elimination (not the codec's).
     */
    static void assertEveryKRowsInvertible(int k, int m) {
        ReedSolomon rs = ReedSolomon.create(k, m);
        int[][] g = new int[k + m][k];
        for (int r = 0; r < k + m; r++) {
            for (int c = 0; c < k; c++) {
                g[r][c] = rs.coefficient(r, c);
            }
        }
        int[] checked = {0};
        subsets(k + m, k, rows -> {
            int[] idx = indices(rows);
            int[][] sub = new int[k][];
            for (int i = 0; i < k; i++) {
                sub[i] = g[idx[i]];
            }
            assertTrue(SlowGf.invertible(sub), () -> "rows " + java.util.Arrays.toString(idx) + " of RS(" + k + "," + m
                + ") are singular");
            checked[0]++;
        });
        assertTrue(checked[0] > 0, "no subsets enumerated");
    }

    static int[] indices(boolean[] flags) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Erases the shards flagged in {@code erased} (nulls some slots, fills others with garbage so
     * buffer reuse is exercised), reconstructs, and checks every shard against {@code original}.
     */
    static void eraseAndRepair(ReedSolomon rs, byte[][] original, boolean[] erased, SplittableRandom rnd) {
        byte[][] shards = new byte[original.length][];
        boolean[] present = new boolean[original.length];
        for (int i = 0; i < original.length; i++) {
            present[i] = !erased[i];
            if (present[i]) {
                shards[i] = original[i].clone();
            } else if (rnd.nextBoolean()) {
                shards[i] = new byte[original[i].length];
                rnd.nextBytes(shards[i]);
            }
        }
        rs.reconstruct(shards, present);
        for (int i = 0; i < original.length; i++) {
            int index = i;
            assertArrayEquals(original[i], shards[i], () -> "shard " + index + " of RS(" + rs.dataShards() + ","
                + rs.parityShards() + ") after erasing " + java.util.Arrays.toString(indices(erased)) + " via "
                + rs.kernelName());
        }
    }
}
