package dev.conform.algorithms.paxos;

import dev.conform.runtime.TeachingFlaw;

/** The teaching flaws of Multi-Paxos, by their {@code --flaw} names (specs/paxos/README.md). */
public enum PaxosFlaw implements TeachingFlaw {
    /** The new leader ignores the values in its phase-1 quorum's promises and proposes its own. */
    NO_ADOPT_HIGHEST("no-adopt-highest"),
    /** An acceptor accepts a ballot lower than the one it promised. */
    ACCEPT_BELOW_PROMISE("accept-below-promise"),
    /** Installing a snapshot wipes the votes and chosen slots above it. */
    SNAPSHOT_OVERWRITES_NEWER("snapshot-overwrites-newer"),
    /** A slot counts as chosen with N/2 (rounded down) votes instead of a majority. */
    MINORITY_QUORUM("minority-quorum");

    private final String flawName;

    PaxosFlaw(String flawName) {
        this.flawName = flawName;
    }

    @Override
    public String flawName() {
        return flawName;
    }
}
