package dev.conform.algorithms.erasure;

import dev.conform.runtime.prop.Property;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The long sweeps: every erasure pattern of the benchmark codes, and MDS checks of larger ones. */
@Tag("soak")
class ReedSolomonSoakTest {
    @Test
    void everyErasurePatternOfTheBenchmarkCodesIsRepaired() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int[][] codes = {{6, 3}, {10, 4}, {12, 4}};
        for (CodingKernel kernel : Codes.kernels()) {
            for (int[] km : codes) {
                ReedSolomon rs = ReedSolomon.create(km[0], km[1], kernel);
                for (int len : new int[] {1, 4097}) {
                    byte[][] original = rs.encode(Codes.randomShards(rnd, km[0], len));
                    for (int lost = 0; lost <= km[1]; lost++) {
                        Codes.subsets(km[0] + km[1], lost, erased -> Codes.eraseAndRepair(rs, original, erased, rnd));
                    }
                }
            }
        }
    }

    @Test
    void everyKRowsOfLargerGeneratorsAreInvertible() {
        int[][] codes = {{16, 4}, {8, 8}, {20, 3}};
        for (int[] km : codes) {
            Codes.assertEveryKRowsInvertible(km[0], km[1]);
        }
    }

    @Test
    void manyRandomErasurePatternsOfLargeCodes() {
        for (CodingKernel kernel : Codes.kernels()) {
            Property.assertHolds("large codes repair (soak), " + kernel.name(), 77L, 3_000,
                ReedSolomonTest.largeCases(), c -> ReedSolomonTest.repairs(c, kernel));
        }
    }
}
