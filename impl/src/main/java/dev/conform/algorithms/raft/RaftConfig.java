package dev.conform.algorithms.raft;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tuning and teaching switches of a Raft server. Times are logical ticks of the runtime.
 *
 * @param electionMinTicks    lower bound of the randomised election timeout
 * @param electionMaxTicks    upper bound of the randomised election timeout
 * @param heartbeatTicks      how often a leader sends AppendEntries (well below the minimum
 *                            election timeout, so a healthy leader is never suspected)
 * @param snapshotEvery       take a snapshot once this many applied entries are in the log
 *                            after the last snapshot; 0 turns snapshots off
 * @param maxEntriesPerAppend most entries one AppendEntries carries
 * @param flaws               teaching flaws switched on (empty: the correct algorithm)
 */
public record RaftConfig(long electionMinTicks, long electionMaxTicks, long heartbeatTicks,
                         int snapshotEvery, int maxEntriesPerAppend, Set<RaftFlaw> flaws) {

    public RaftConfig {
        if (electionMinTicks < 1 || electionMaxTicks < electionMinTicks) {
            throw new IllegalArgumentException("election timeout range must be 1 <= min <= max, got ["
                    + electionMinTicks + ", " + electionMaxTicks + "]");
        }
        if (heartbeatTicks < 1 || heartbeatTicks >= electionMinTicks) {
            throw new IllegalArgumentException("heartbeat must be in [1, electionMin), got "
                    + heartbeatTicks);
        }
        if (snapshotEvery < 0 || maxEntriesPerAppend < 1) {
            throw new IllegalArgumentException("snapshotEvery >= 0 and maxEntriesPerAppend >= 1");
        }
        flaws = flaws.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flaws));
    }

    /** Election timeout 150..300 ticks, heartbeat 50, snapshots every 16 entries, no flaw. */
    public static RaftConfig defaults() {
        return new RaftConfig(150, 300, 50, 16, 16, Set.of());
    }

    public RaftConfig withFlaw(RaftFlaw flaw) {
        EnumSet<RaftFlaw> more = flaws.isEmpty() ? EnumSet.noneOf(RaftFlaw.class) : EnumSet.copyOf(flaws);
        more.add(flaw);
        return new RaftConfig(electionMinTicks, electionMaxTicks, heartbeatTicks, snapshotEvery,
                maxEntriesPerAppend, more);
    }

    public RaftConfig withSnapshotEvery(int every) {
        return new RaftConfig(electionMinTicks, electionMaxTicks, heartbeatTicks, every,
                maxEntriesPerAppend, flaws);
    }

    public boolean has(RaftFlaw flaw) {
        return flaws.contains(flaw);
    }
}
