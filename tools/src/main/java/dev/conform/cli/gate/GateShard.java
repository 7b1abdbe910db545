package dev.conform.cli.gate;

import dev.conform.cli.UserError;

/**
 * One of N shards of the gate's work ({@code gate --shard K/N}), so that a CI matrix of N jobs
 * covers it all. Deterministic: the same specs, budget and K/N always give the same share. A
 * check that cannot be split (a model check, a model-based test) goes whole to one shard, round
 * robin in the gate's order; the chaos seeds of every variant are split into N contiguous parts,
 * and with them the runs' linearizability checks and the traces TLC validates.
 *
 * @param index K, from 1
 * @param count N
 */
public record GateShard(int index, int count) {
    /** The whole gate, unsharded. */
    public static final GateShard ALL = new GateShard(1, 1);

    public GateShard {
        if (count < 1 || index < 1 || index > count) {
            throw new UserError("--shard must be K/N with 1 <= K <= N, got " + index + "/" + count);
        }
    }

    /** Parses {@code K/N}. */
    public static GateShard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length == 2) {
                return new GateShard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UserError("--shard must be K/N (e.g. 2/4), got '" + text + "'");
    }

    public boolean isAll() {
        return count == 1;
    }

    /** Whether the {@code i}-th (from 0) whole check of the gate's order is this shard's. */
    boolean ownsWhole(int i) {
        return i % count == index - 1;
    }

    /** This shard's contiguous part of the seeds first..first+seeds-1: {first seed, count}. */
    long[] slice(long first, int seeds) {
        long[] part = ChaosBatch.split(seeds, count).get(index - 1);
        return new long[] {first + part[0] - 1, part[1]};
    }

    /** Appended to the names of seed-split checks, so the shards' JUnit test cases stay distinct when merged. */
    String suffix() {
        return isAll() ? "" : " (shard " + this + ")";
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
