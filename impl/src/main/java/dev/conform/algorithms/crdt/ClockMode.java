package dev.conform.algorithms.crdt;

import java.util.Locale;

/** Where last-writer-wins timestamps come from ({@code --clock}). */
public enum ClockMode {
    /** The node's local physical clock, {@code ctx.localTime()}, skew and all. */
    PHYSICAL,
    /** A {@link HybridLogicalClock}: physical time, corrected by every timestamp received. */
    HLC;

    /** The command-line spelling. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code physical} or {@code hlc}. */
    public static ClockMode fromFlag(String s) {
        for (ClockMode m : values()) {
            if (m.flag().equals(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown clock '" + s + "' (expected physical or hlc)");
    }
}
