package dev.conform.algorithms.pbft;

import dev.conform.runtime.TeachingFlaw;

/** The teaching flaws of PBFT, by their {@code --flaw} names (specs/pbft/README.md). */
public enum PbftFlaw implements TeachingFlaw {
    /** Prepared with 2f statements in all (the PrePrepare and 2f-1 Prepares) instead of 2f+1. */
    PREPARED_2F("prepared-2f"),
    /** A backup accepts a NewView without checking its ViewChanges' proofs or recomputing its PrePrepares. */
    UNCHECKED_NEW_VIEW("unchecked-new-view"),
    /** The client accepts a result after f matching replies instead of f+1. */
    REPLY_F("reply-f"),
    /** A backup accepts a PrePrepare whose digest does not match its request. */
    NO_DIGEST_CHECK("no-digest-check");

    private final String flawName;

    PbftFlaw(String flawName) {
        this.flawName = flawName;
    }

    @Override
    public String flawName() {
        return flawName;
    }
}
