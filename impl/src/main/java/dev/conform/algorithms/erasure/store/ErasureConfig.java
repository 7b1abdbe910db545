package dev.conform.algorithms.erasure.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * The store's parameters: RS(k, m) over k + m storage nodes, the write quorum and the repair
 * period (logical ticks, 0 = no repair).
 *
 * @param k           data shards per value
 * @param m           parity shards per value
 * @param writeQuorum durable shards a write needs before it is acknowledged, in [k, k + m]
 * @param repairEvery ticks between repair rounds; 0 switches repair off
 * @param flaws       teaching flaws switched on
 */
public record ErasureConfig(int k, int m, int writeQuorum, long repairEvery, Set<ErasureFlaw> flaws) {
    public ErasureConfig {
        if (k < 1 || m < 0 || k + m > 255) {
            throw new IllegalArgumentException("need k >= 1, m >= 0 and k + m <= 255, got k=" + k + ", m=" + m);
        }
        if (writeQuorum < k || writeQuorum > k + m) {
            throw new IllegalArgumentException("writeQuorum must be in [k, k+m] = [" + k + ", " + (k + m) + "], got "
                    + writeQuorum);
        }
        if (repairEvery < 0) {
            throw new IllegalArgumentException("repairEvery >= 0 required, got " + repairEvery);
        }
        flaws = flaws.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flaws));
    }

    public boolean has(ErasureFlaw flaw) {
        return flaws.contains(flaw);
    }

    /** Storage acknowledgements that acknowledge a write: W, or k with the flaw ack-before-quorum. */
    public int acksNeeded() {
        return has(ErasureFlaw.ACK_BEFORE_QUORUM) ? k : writeQuorum;
    }

    public int storageNodes() {
        return k + m;
    }
}
