package dev.conform.tracing.io;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The header's node ids, asked about on every event (node, message ends, clock entries): a
 * bitmap for the small ids clusters use, a set for the rest. Immutable, so parser threads share it.
 */
final class KnownNodes {
    private static final int SMALL = 1 << 12;
    private final boolean[] small = new boolean[SMALL];
    private final Set<Integer> large = new HashSet<>();

    KnownNodes(List<Integer> nodes) {
        for (int n : nodes) {
            if (n >= 0 && n < SMALL) {
                small[n] = true;
            } else {
                large.add(n);
            }
        }
    }

    boolean contains(int node) {
        return node >= 0 && node < SMALL ? small[node] : large.contains(node);
    }
}
