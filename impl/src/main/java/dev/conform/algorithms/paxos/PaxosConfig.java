package dev.conform.algorithms.paxos;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tuning and teaching switches of a Paxos server; times are logical ticks.
 *
 * @param electionMinTicks lower bound of the randomised timeout after which a server that heard
 *                         no leader starts a ballot
 * @param electionMaxTicks its upper bound
 * @param heartbeatTicks   how often a leader sends Heartbeat (below electionMinTicks)
 * @param snapshotEvery    snapshot once this many slots were applied since the last snapshot; 0: never
 * @param flaws            teaching flaws switched on
 */
public record PaxosConfig(long electionMinTicks, long electionMaxTicks, long heartbeatTicks, int snapshotEvery,
                          Set<PaxosFlaw> flaws) {
    public PaxosConfig {
        if (electionMinTicks < 1 || electionMaxTicks < electionMinTicks) {
            throw new IllegalArgumentException("election timeout range must be 1 <= min <= max, got ["
                    + electionMinTicks + ", " + electionMaxTicks + "]");
        }
        if (heartbeatTicks < 1 || heartbeatTicks >= electionMinTicks) {
            throw new IllegalArgumentException("heartbeat must be in [1, electionMin), got " + heartbeatTicks);
        }
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery >= 0 required");
        }
        flaws = flaws.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flaws));
    }

    /** Timeouts as Raft's (150..300, heartbeat 50), snapshots every 16 slots, no flaw. */
    public static PaxosConfig defaults() {
        return new PaxosConfig(150, 300, 50, 16, Set.of());
    }

    public boolean has(PaxosFlaw flaw) {
        return flaws.contains(flaw);
    }
}
