package dev.conform.algorithms.swim;

import dev.conform.runtime.TeachingFlaw;

/** Deliberate bugs for teaching; each removes one safeguard of SWIM's failure detector. */
public enum SwimFlaw implements TeachingFlaw {
    /**
     * A failed probe declares its target dead at once ({@code Confirm} without {@code Suspect}):
     * one lost Ping kills a live member. Caught by SuspectBeforeDead (and Accuracy in TLC).
     */
    NO_SUSPICION("no-suspicion"),

    /**
     * A suspected member refutes by re-announcing Alive at the same incarnation, and receivers
     * accept an Alive over a Suspect at the same incarnation. Caught by RefuteWithHigherIncarnation
     * and ViewPrecedence.
     */
    REFUTE_SAME_INCARNATION("refute-same-incarnation");

    private final String flawName;

    SwimFlaw(String flawName) {
        this.flawName = flawName;
    }

    @Override
    public String flawName() {
        return flawName;
    }
}
