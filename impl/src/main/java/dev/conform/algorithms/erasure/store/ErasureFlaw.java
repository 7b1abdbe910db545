package dev.conform.algorithms.erasure.store;

import dev.conform.runtime.TeachingFlaw;

/** The teaching flaws of the erasure-coded store, by their {@code --flaw} names (specs/erasure/README.md). */
public enum ErasureFlaw implements TeachingFlaw {
    /** The coordinator acknowledges a write after k StoreAcks instead of the write quorum W. */
    ACK_BEFORE_QUORUM("ack-before-quorum"),
    /** Repair pools the shards it gets by key and decodes from the first k, whatever their versions. */
    REPAIR_MIXED_VERSIONS("repair-mixed-versions");

    private final String flawName;

    ErasureFlaw(String flawName) {
        this.flawName = flawName;
    }

    @Override
    public String flawName() {
        return flawName;
    }
}
