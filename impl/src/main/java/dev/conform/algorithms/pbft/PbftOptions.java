package dev.conform.algorithms.pbft;

import dev.conform.runtime.Options;
import dev.conform.runtime.TeachingFlaw;
import dev.conform.runtime.nemesis.ByzantineFaults;
import java.util.EnumSet;
import java.util.Set;

/**
 * The options of a PBFT run, read and checked once; every one is resolved into the trace header
 * (decimal strings). Times are ticks. {@code window} is L, the log window above the low water
 * mark; {@code keySeed} (default: the run seed) derives every node's Ed25519 key pair
 * ({@link Keys}); the keys themselves are never written. {@code byzantine} ("true", the default,
 * or "false") says whether the run's fault plans may make replicas Byzantine
 * ({@link ByzantineFaults#OPTION}: "false" gives a crash-only chaos run).
 */
public record PbftOptions(int clients, int ops, int checkpointEvery, int window, long requestTimeout,
                          long viewChangeTimeout, long retry, long keySeed, EnumSet<PbftFlaw> flaws) {
    public static final String KEY_SEED = "keySeed";
    /** Keys shared with the other KV algorithms ({@code keys}, {@code appends}, {@code workloadSeed}) included. */
    public static final Set<String> KEYS = Set.of("clients", "ops", "keys", "appends", "workloadSeed",
            "checkpointEvery", "window", "requestTimeout", "viewChangeTimeout", "retry", KEY_SEED, ByzantineFaults.OPTION);

    /** Reads {@code options}; {@code seed} is the run's seed, the default key seed. */
    public static PbftOptions of(Options options, long seed) {
        int k = options.getInt("checkpointEvery", 4);
        PbftOptions o = new PbftOptions(options.getInt("clients", 2), options.getInt("ops", 10), k,
                options.getInt("window", 2 * k), options.getLong("requestTimeout", 300),
                options.getLong("viewChangeTimeout", 300), options.getLong("retry", 200),
                options.getLong(KEY_SEED, seed), TeachingFlaw.parse(options, PbftFlaw.class, PbftAlgorithm.NAME));
        o.check();
        ByzantineFaults.enabled(options);
        return o;
    }

    /** The options of a run already resolved (every key present). */
    public static PbftOptions resolved(Options options) {
        if (!options.values().containsKey(KEY_SEED)) {
            throw new IllegalArgumentException("pbft options are not resolved (no " + KEY_SEED + ")");
        }
        return of(options, 0);
    }

    /** As the run used them, for the header ({@code byzantine}: whether chaos plans may hold Byzantine replicas). */
    public Options into(Options options) {
        return options.with(ByzantineFaults.OPTION, ByzantineFaults.enabled(options))
                .with("clients", clients).with("ops", ops).with("checkpointEvery", checkpointEvery)
                .with("window", window).with("requestTimeout", requestTimeout)
                .with("viewChangeTimeout", viewChangeTimeout).with("retry", retry).with(KEY_SEED, keySeed);
    }

    public boolean flaw(PbftFlaw f) {
        return flaws.contains(f);
    }

    private void check() {
        if (clients < 0 || ops < 0) {
            throw new IllegalArgumentException("options clients and ops must not be negative");
        }
        if (checkpointEvery < 1 || window < checkpointEvery) {
            throw new IllegalArgumentException("options need checkpointEvery >= 1 and window >= checkpointEvery, got "
                    + checkpointEvery + " and " + window);
        }
        if (requestTimeout < 1 || viewChangeTimeout < 1 || retry < 1) {
            throw new IllegalArgumentException("options requestTimeout, viewChangeTimeout and retry must be at least 1");
        }
    }

    /** f for {@code n} replicas: n must be 3f+1 with f >= 1. */
    public static int faults(int n) {
        if (n < 4 || (n - 1) % 3 != 0) {
            throw new IllegalArgumentException("pbft needs 3f+1 servers (4, 7, ...), got " + n);
        }
        return (n - 1) / 3;
    }
}
