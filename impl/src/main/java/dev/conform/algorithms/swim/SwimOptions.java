package dev.conform.algorithms.swim;

import dev.conform.runtime.Options;
import dev.conform.runtime.TeachingFlaw;
import java.util.EnumSet;
import java.util.Set;

/**
 * The options of a SWIM run, read and checked once (every one is resolved into the trace header).
 * Ticks: {@code period} between probes, {@code probeTimeout} before the indirect probe,
 * {@code suspectTimeout} before a suspicion becomes a death. {@code leaveAt} 0 means nobody leaves.
 */
record SwimOptions(int period, int probeTimeout, int k, int suspectTimeout, int retransmit, int piggyback,
                   int rounds, int joiners, int leaveAt, long shuffleSeed, EnumSet<SwimFlaw> flaws) {
    static final Set<String> KEYS = Set.of("period", "probeTimeout", "k", "suspectTimeout", "retransmit",
            "piggyback", "rounds", "joiners", "leaveAt", "shuffleSeed");

    /** Reads {@code options}; {@code seed} is the run's seed, the default {@code shuffleSeed}. */
    static SwimOptions of(Options options, long seed) {
        SwimOptions o = new SwimOptions(
                options.getInt("period", 10),
                options.getInt("probeTimeout", 3),
                options.getInt("k", 2),
                options.getInt("suspectTimeout", 30),
                options.getInt("retransmit", 3),
                options.getInt("piggyback", 6),
                options.getInt("rounds", 20),
                options.getInt("joiners", 0),
                options.getInt("leaveAt", 0),
                options.getLong("shuffleSeed", seed),
                TeachingFlaw.parse(options, SwimFlaw.class, SwimAlgorithm.NAME));
        o.check();
        return o;
    }

    /** As the run used them, for the header. */
    Options into(Options options) {
        return options.with("period", period).with("probeTimeout", probeTimeout).with("k", k)
                .with("suspectTimeout", suspectTimeout).with("retransmit", retransmit).with("piggyback", piggyback)
                .with("rounds", rounds).with("joiners", joiners).with("leaveAt", leaveAt)
                .with("shuffleSeed", shuffleSeed);
    }

    boolean flaw(SwimFlaw f) {
        return flaws.contains(f);
    }

    private void check() {
        positive("period", period);
        positive("probeTimeout", probeTimeout);
        positive("suspectTimeout", suspectTimeout);
        positive("retransmit", retransmit);
        positive("piggyback", piggyback);
        if (probeTimeout >= period) {
            throw new IllegalArgumentException("option probeTimeout (" + probeTimeout + ") must be below period (" + period + ")");
        }
        if (k < 0 || rounds < 0 || joiners < 0 || leaveAt < 0) {
            throw new IllegalArgumentException("options k, rounds, joiners and leaveAt must not be negative");
        }
    }

    private static void positive(String key, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("option " + key + " must be at least 1, got " + v);
        }
    }
}
