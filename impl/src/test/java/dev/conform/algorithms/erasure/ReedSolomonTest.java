package dev.conform.algorithms.erasure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.prop.Arbitrary;
import dev.conform.runtime.prop.Property;
import dev.conform.runtime.prop.Shrinker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * RS(k, m) against the slow oracle ({@link SlowGf}): the matrix, the parity bytes, every erasure
 * pattern of small codes, seeded random patterns of large ones, the value API and the errors.
 */
class ReedSolomonTest {
    /** Shard lengths around the vector width (16-64 bytes) and the kernels' 4 KiB blocks. */
    private static final int[] LENGTHS = {1, 7, 63, 64, 65, 130, 4097};

    @Test
    void generatorIsIdentityOverTheNormalisedCauchyMatrix() {
        int[][] codes = {{1, 0}, {1, 1}, {4, 2}, {5, 3}, {10, 4}, {20, 10}, {128, 128}, {255, 1}};
        for (int[] km : codes) {
            ReedSolomon rs = ReedSolomon.create(km[0], km[1]);
            int[][] slow = SlowGf.generator(km[0], km[1]);
            for (int r = 0; r < km[0] + km[1]; r++) {
                for (int c = 0; c < km[0]; c++) {
                    assertEquals(slow[r][c], rs.coefficient(r, c), "RS(" + km[0] + "," + km[1] + ") G[" + r + "][" + c + "]");
                }
            }
            for (int c = 0; km[1] > 0 && c < km[0]; c++) {
                assertEquals(1, rs.coefficient(km[0], c), "first parity row is all ones (XOR parity)");
            }
        }
    }

    @Test
    void parityEqualsTheSlowMatrixProduct() {
        SplittableRandom rnd = new SplittableRandom(18);
        int[][] codes = {{1, 1}, {3, 2}, {4, 2}, {6, 3}, {10, 4}, {12, 4}, {20, 10}};
        for (CodingKernel kernel : Codes.kernels()) {
            for (int[] km : codes) {
                ReedSolomon rs = ReedSolomon.create(km[0], km[1], kernel);
                int[][] parityRows = Arrays.copyOfRange(SlowGf.generator(km[0], km[1]), km[0], km[0] + km[1]);
                for (int len : LENGTHS) {
                    byte[][] data = Codes.randomShards(rnd, km[0], len);
                    byte[][] shards = rs.encode(data);
                    byte[][] expected = SlowGf.times(parityRows, data);
                    for (int j = 0; j < km[0]; j++) {
                        assertSame(data[j], shards[j], "systematic: data shards are the data");
                    }
                    for (int i = 0; i < km[1]; i++) {
                        assertArrayEquals(expected[i], shards[km[0] + i], "parity " + i + " of RS(" + km[0] + "," + km[1]
                            + "), " + len + " bytes, " + kernel.name());
                    }
                }
            }
        }
    }

    @Test
    void everyKRowsOfTheGeneratorAreInvertible() {
        int[][] codes = {{4, 2}, {5, 3}, {6, 3}, {10, 4}, {12, 4}};
        for (int[] km : codes) {
            Codes.assertEveryKRowsInvertible(km[0], km[1]);
        }
    }

    @Test
    void everyErasurePatternOfSmallCodesIsRepaired() {
        SplittableRandom rnd = new SplittableRandom(42);
        int[][] codes = {{1, 0}, {1, 3}, {3, 0}, {2, 2}, {4, 2}, {5, 3}};
        for (CodingKernel kernel : Codes.kernels()) {
            for (int[] km : codes) {
                ReedSolomon rs = ReedSolomon.create(km[0], km[1], kernel);
                int n = km[0] + km[1];
                for (int len : new int[] {1, 65, 200}) {
                    byte[][] original = rs.encode(Codes.randomShards(rnd, km[0], len));
                    for (int lost = 0; lost <= km[1]; lost++) {
                        Codes.subsets(n, lost, erased -> Codes.eraseAndRepair(rs, original, erased, rnd));
                    }
                    Codes.subsets(n, km[1] + 1, erased -> assertThrows(IllegalArgumentException.class,
                        () -> Codes.eraseAndRepair(rs, original, erased, rnd), "m+1 losses cannot be repaired"));
                }
            }
        }
    }

    /** A seeded random case for the large codes: shrinks toward short shards and fewer losses. */
    record Case(int k, int m, int len, long dataSeed, List<Integer> erased) {
    }

    private static final int[][] LARGE = {{10, 4}, {12, 4}, {20, 10}};

    static Arbitrary<Case> largeCases() {
        return new Arbitrary<>(rnd -> {
            int[] km = LARGE[rnd.nextInt(LARGE.length)];
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < km[0] + km[1]; i++) {
                all.add(i);
            }
            Collections.shuffle(all, new Random(rnd.nextLong()));
            int lost = rnd.nextInt(4) == 0 ? rnd.nextInt(km[1] + 1) : km[1]; // mostly the worst case: m lost
            return new Case(km[0], km[1], 1 + rnd.nextInt(3000), rnd.nextLong(), new ArrayList<>(all.subList(0, lost)));
        }, c -> {
            List<Case> out = new ArrayList<>();
            Shrinker.intToward(1).candidates(c.len()).forEach(l -> out.add(new Case(c.k(), c.m(), l, c.dataSeed(), c.erased())));
            Shrinker.list(Shrinker.<Integer>none()).candidates(c.erased())
                .forEach(e -> out.add(new Case(c.k(), c.m(), c.len(), c.dataSeed(), e)));
            return out;
        });
    }

    @Test
    void randomErasurePatternsOfLargeCodesAreRepaired() {
        for (CodingKernel kernel : Codes.kernels()) {
            Property.assertHolds("large codes repair, " + kernel.name(), 2026L, 150, largeCases(),
                c -> repairs(c, kernel));
        }
    }

    /** Encodes seeded data for the case, erases its shards, reconstructs and checks every shard. */
    static boolean repairs(Case c, CodingKernel kernel) {
        ReedSolomon rs = ReedSolomon.create(c.k(), c.m(), kernel);
        SplittableRandom rnd = new SplittableRandom(c.dataSeed());
        byte[][] original = rs.encode(Codes.randomShards(rnd, c.k(), c.len()));
        boolean[] erased = new boolean[c.k() + c.m()];
        c.erased().forEach(i -> erased[i] = true);
        Codes.eraseAndRepair(rs, original, erased, rnd);
        return true;
    }

    @Test
    void anyKShardsDecodeTheValueInAnyOrder() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (CodingKernel kernel : Codes.kernels()) {
            ReedSolomon rs = ReedSolomon.create(5, 3, kernel);
            for (int valueLength : new int[] {0, 1, 4, 5, 6, 999}) {
                byte[] value = new byte[valueLength];
                rnd.nextBytes(value);
                List<Shard> shards = rs.encodeValue(value);
                assertEquals(8, shards.size());
                assertEquals(Math.max(1, (valueLength + 4) / 5), shards.get(0).bytes().length);
                for (int have = 5; have <= 8; have++) {
                    Codes.subsets(8, have, chosen -> {
                        List<Shard> some = new ArrayList<>();
                        for (int i : Codes.indices(chosen)) {
                            some.add(shards.get(i));
                        }
                        Collections.shuffle(some, new Random(rnd.nextLong()));
                        assertArrayEquals(value, rs.decodeValue(some, valueLength), "from " + some);
                    });
                }
                List<Shard> snapshot = new ArrayList<>();
                shards.forEach(s -> snapshot.add(new Shard(s.index(), s.bytes().clone())));
                rs.decodeValue(shards.subList(3, 8), valueLength);
                assertEquals(snapshot, shards, "decoding does not modify the shards it was given");
            }
        }
    }

    @Test
    void kernelsAgreeWithTheOracleOnRandomMatrices() {
        SplittableRandom rnd = new SplittableRandom(99);
        List<CodingKernel> kernels = Codes.kernels();
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + rnd.nextInt(9); // 1..9: one, two and three groups of up to four rows
            int cols = 1 + rnd.nextInt(12);
            int len = trial % 4 == 0 ? 64 * (1 + rnd.nextInt(80)) : 1 + rnd.nextInt(300);
            int[][] coef = new int[rows][cols];
            for (int[] row : coef) {
                for (int c = 0; c < cols; c++) {
                    int pick = rnd.nextInt(4);
                    row[c] = pick == 0 ? 0 : pick == 1 ? 1 : rnd.nextInt(256); // 0 and 1 take shortcuts
                }
            }
            byte[][] in = Codes.randomShards(rnd, cols, len);
            byte[][] expected = SlowGf.times(coef, in);
            for (CodingKernel kernel : kernels) {
                byte[][] out = Codes.randomShards(rnd, rows, len); // garbage: the kernel overwrites
                kernel.multiply(coef, in, out, 0, len);
                for (int r = 0; r < rows; r++) {
                    assertArrayEquals(expected[r], out[r], kernel.name() + " row " + r + " of " + rows + "x" + cols
                        + ", " + len + " bytes");
                }
            }
        }
    }

    @Test
    void badParametersAreRejectedWithClearMessages() {
        assertMessage("at least 1 data shard", () -> ReedSolomon.create(0, 2));
        assertMessage("must be >= 0", () -> ReedSolomon.create(4, -1));
        assertMessage("k+m must be <= 256", () -> ReedSolomon.create(200, 57));
        ReedSolomon.create(200, 56); // 256 shards is the largest code
        ReedSolomon rs = ReedSolomon.create(4, 2);
        assertMessage("expected 4 data shards", () -> rs.encode(new byte[3][8]));
        assertMessage("shard lengths differ", () -> rs.encode(new byte[][] {new byte[8], new byte[8], new byte[7],
            new byte[8]}));
        assertMessage("at least 1 byte", () -> rs.encode(new byte[4][0]));
        assertMessage("is null", () -> rs.encode(new byte[][] {new byte[8], null, new byte[8], new byte[8]}));
        assertMessage("parity shard 1 must have length 8", () -> rs.encodeParity(new byte[4][8],
            new byte[][] {new byte[8], new byte[9]}));
        byte[][] shards = rs.encode(new byte[4][8]);
        assertMessage("too few shards to reconstruct: 3 present, RS(4,2) needs 4", () -> rs.reconstruct(shards,
            new boolean[] {true, false, true, false, true, false}));
        assertMessage("present must have 6 flags", () -> rs.reconstruct(shards, new boolean[5]));
        List<Shard> value = rs.encodeValue(new byte[10]);
        assertMessage("too few shards to decode: 3 present", () -> rs.decodeValue(value.subList(0, 3), 10));
        assertMessage("given twice", () -> rs.decodeValue(List.of(value.get(0), value.get(0), value.get(1),
            value.get(2)), 10));
        assertMessage("out of range", () -> rs.decodeValue(List.of(new Shard(6, new byte[3])), 10));
        assertMessage("does not fit", () -> rs.decodeValue(value, 13));
        assertMessage("has no bytes", () -> new Shard(0, new byte[0]));
        assertMessage("negative shard index", () -> new Shard(-1, new byte[1]));
        assertMessage("no element (6, 0) in the 6 x 4 coding matrix", () -> rs.coefficient(6, 0));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
