package dev.conform.runtime.sim;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;

/**
 * Parameters of one simulated run. Together with the fault plan they determine the run
 * completely.
 *
 * @param servers   number of servers (ids 1..servers; clients are numbered after them)
 * @param seed      the one seed every random choice comes from
 * @param net       network semantics
 * @param maxSteps  step budget (events processed)
 * @param maxTime   logical time budget (ticks)
 * @param minDelay  least network delay of a message, in ticks (at least 1)
 * @param maxDelay  greatest base network delay, in ticks
 * @param lossPercent      base loss chance per message in percent (unreliable networks only)
 * @param duplicatePercent base duplication chance per message in percent (unreliable only)
 * @param options   algorithm options and teaching flaws
 */
public record SimConfig(int servers, long seed, NetSemantics net, long maxSteps, long maxTime,
                        long minDelay, long maxDelay, int lossPercent, int duplicatePercent, Options options) {

    public SimConfig {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1, got " + servers);
        }
        if (minDelay < 1 || maxDelay < minDelay) {
            throw new IllegalArgumentException("need 1 <= minDelay <= maxDelay");
        }
        if (maxSteps < 0 || maxTime < 0) {
            throw new IllegalArgumentException("budgets must not be negative");
        }
        if (lossPercent < 0 || lossPercent > 100 || duplicatePercent < 0 || duplicatePercent > 100) {
            throw new IllegalArgumentException("rates are percentages in 0..100");
        }
        options = options == null ? Options.empty() : options;
    }

    /** Reliable network, delays 1..10 ticks, 100,000 steps, no time limit. */
    public static SimConfig of(int servers, long seed) {
        return new SimConfig(servers, seed, NetSemantics.RELIABLE, 100_000, Long.MAX_VALUE, 1, 10,
                0, 0, Options.empty());
    }

    /** This with another network; unreliable gets 2% loss and 1% duplication unless set. */
    public SimConfig withNet(NetSemantics n) {
        boolean defaults = lossPercent == 0 && duplicatePercent == 0 && n == NetSemantics.UNRELIABLE;
        return new SimConfig(servers, seed, n, maxSteps, maxTime, minDelay, maxDelay,
                defaults ? 2 : lossPercent, defaults ? 1 : duplicatePercent, options);
    }

    public SimConfig withSeed(long s) {
        return new SimConfig(servers, s, net, maxSteps, maxTime, minDelay, maxDelay, lossPercent, duplicatePercent, options);
    }

    public SimConfig withMaxSteps(long steps) {
        return new SimConfig(servers, seed, net, steps, maxTime, minDelay, maxDelay, lossPercent, duplicatePercent, options);
    }

    public SimConfig withMaxTime(long time) {
        return new SimConfig(servers, seed, net, maxSteps, time, minDelay, maxDelay, lossPercent, duplicatePercent, options);
    }

    public SimConfig withDelay(long min, long max) {
        return new SimConfig(servers, seed, net, maxSteps, maxTime, min, max, lossPercent, duplicatePercent, options);
    }

    public SimConfig withRates(int lossPct, int duplicatePct) {
        return new SimConfig(servers, seed, net, maxSteps, maxTime, minDelay, maxDelay, lossPct,
                duplicatePct, options);
    }

    public SimConfig withOptions(Options o) {
        return new SimConfig(servers, seed, net, maxSteps, maxTime, minDelay, maxDelay, lossPercent, duplicatePercent, o);
    }
}
