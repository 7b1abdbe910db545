package dev.conform.checker.invariants.raft;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LogMatching on logs with unknown entries (a prefix installed from a leader's snapshot that was
 * never seen committed) takes a one-pass path: on seeded random logs it must agree with the
 * definition checked pair by pair, index by index, and name the same indices.
 */
class LogMatchingUnknownEntriesTest {
    /** The first (k, d) where c and o agree on the term at k but differ at d <= k; null if none. */
    private static long[] definition(ServerView c, ServerView o) {
        long n = Math.min(c.lastIndex(), o.lastIndex());
        for (long k = 1; k <= n; k++) {
            Entry a = c.at(k);
            Entry b = o.at(k);
            if (a == null || b == null || a.term() != b.term()) {
                continue;
            }
            for (long d = 1; d <= k; d++) {
                Entry x = c.at(d);
                Entry y = o.at(d);
                if (x != null && y != null && !x.sameAs(y)) {
                    return new long[] {k, d};
                }
            }
        }
        return null;
    }

    private static void fill(ServerView v, SplittableRandom rnd, int len) {
        for (int k = 0; k < len; k++) {
            v.append(rnd.nextInt(4) == 0 ? null : new Entry(1 + rnd.nextInt(2), "v" + rnd.nextInt(3)));
        }
    }

    @Test
    void onePassAgreesWithTheDefinition() {
        SplittableRandom master = new SplittableRandom(20261126L);
        int violations = 0;
        for (int round = 0; round < 3_000; round++) {
            SplittableRandom rnd = new SplittableRandom(master.nextLong());
            RaftTraceState s = new RaftTraceState();
            ServerView c = s.server(1);
            ServerView o = s.server(2);
            fill(c, rnd, rnd.nextInt(12));
            fill(o, rnd, rnd.nextInt(12));
            if (c.unknown == 0 && o.unknown == 0) {
                c.append(null);
            }
            c.firstChanged = 1;
            s.changed = c;
            long[] expected = definition(c, o);
            boolean holds = RaftProperties.logMatching(s);
            assertEquals(expected == null, holds, "round " + round + ": " + c + " / " + o);
            if (expected != null) {
                violations++;
                assertEquals("servers 1 and 2 agree on the term at index " + expected[0] + " but differ at index "
                        + expected[1], s.note, "round " + round);
            }
        }
        assertTrue(violations > 300 && violations < 2_700, "both outcomes exercised: " + violations);
    }
}
