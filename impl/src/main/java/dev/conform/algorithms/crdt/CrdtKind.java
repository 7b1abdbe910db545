package dev.conform.algorithms.crdt;

import java.util.Locale;

/** Which CRDT a replica hosts; the flag spelling is the one the CLI uses ({@code --type}). */
public enum CrdtKind {
    G_COUNTER,
    PN_COUNTER,
    LWW_REGISTER,
    LWW_MAP,
    OR_SET;

    /** The command-line spelling, e.g. {@code lww-map}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a command-line spelling; the message lists the accepted ones. */
    public static CrdtKind fromFlag(String s) {
        for (CrdtKind k : values()) {
            if (k.flag().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown CRDT type '" + s
            + "' (expected g-counter, pn-counter, lww-register, lww-map or or-set)");
    }

    /** The value a fresh replica starts from. */
    public Crdt<?> empty() {
        return switch (this) {
            case G_COUNTER -> GCounter.zero();
            case PN_COUNTER -> PNCounter.zero();
            case LWW_REGISTER -> LWWRegister.empty();
            case LWW_MAP -> LWWMap.empty();
            case OR_SET -> ORSet.empty();
        };
    }

    /** True for the kinds whose writes carry last-writer-wins timestamps. */
    public boolean timestamped() {
        return this == LWW_REGISTER || this == LWW_MAP;
    }
}
