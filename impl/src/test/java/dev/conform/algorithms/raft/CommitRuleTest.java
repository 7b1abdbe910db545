package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The commit rule against a brute-force oracle that states the rule literally. */
class CommitRuleTest {

    /** Largest N > commit with term[N] = current (or any term when flawed) on a majority. */
    private static long oracle(long commit, long[] terms, long current, List<Long> matches,
                               boolean anyTerm) {
        long best = commit;
        for (int n = 1; n <= terms.length; n++) {
            int count = 0;
            for (long m : matches) {
                count += m >= n ? 1 : 0;
            }
            boolean termOk = anyTerm || terms[n - 1] == current;
            if (n > best && termOk && 2 * count > matches.size()) {
                best = n;
            }
        }
        return best;
    }

    @Test
    void agreesWithTheOracleOnGeneratedCases() {
        SplittableRandom rnd = new SplittableRandom(2024);
        for (int trial = 0; trial < 20_000; trial++) {
            int len = rnd.nextInt(8);
            long[] terms = new long[len];
            long t = 1;
            for (int i = 0; i < len; i++) {
                t += rnd.nextInt(3) == 0 ? 1 : 0; // terms never decrease along a log
                terms[i] = t;
            }
            long current = t + rnd.nextInt(2);
            int servers = 1 + rnd.nextInt(5);
            List<Long> matches = new ArrayList<>();
            matches.add((long) len);
            for (int s = 1; s < servers; s++) {
                matches.add((long) rnd.nextInt(len + 1));
            }
            long commit = len == 0 ? 0 : rnd.nextInt(len + 1);
            boolean flawed = rnd.nextBoolean();
            long got = CommitRule.advance(commit, len, current, matches, i -> terms[(int) i - 1], flawed);
            assertEquals(oracle(commit, terms, current, matches, flawed), got,
                    "terms=" + java.util.Arrays.toString(terms) + " current=" + current
                            + " matches=" + matches + " commit=" + commit + " flawed=" + flawed);
        }
    }

    @Test
    void anOldTermEntryOnAMajorityIsNotCommittedByCounting() {
        long[] terms = {1, 1};
        List<Long> matches = List.of(2L, 2L, 0L);
        assertEquals(0, CommitRule.advance(0, 2, 2, matches, i -> terms[(int) i - 1], false));
        assertEquals(2, CommitRule.advance(0, 2, 2, matches, i -> terms[(int) i - 1], true));
        long[] more = {1, 1, 2};
        assertEquals(3, CommitRule.advance(0, 3, 2, List.of(3L, 3L, 0L), i -> more[(int) i - 1], false));
    }
}
