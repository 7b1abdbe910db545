package dev.conform.algorithms.crdt;

/**
 * Settings of a gossip-replicated CRDT cluster.
 *
 * @param kind              which CRDT the replicas host
 * @param clock             timestamp source for last-writer-wins kinds
 * @param fanout            peers contacted per gossip round (capped at cluster size - 1)
 * @param gossipMinTicks    shortest gossip period
 * @param gossipMaxTicks    longest gossip period (the runtime picks in between, seeded)
 * @param updateMinTicks    shortest gap between two client updates at one replica
 * @param updateMaxTicks    longest such gap
 * @param updatesPerReplica client updates each replica applies before it only gossips
 * @param keys              distinct keys / elements the workload draws from
 * @param seed              seed of the client workload and the peer choice
 */
public record CrdtOptions(CrdtKind kind, ClockMode clock, int fanout,
                          long gossipMinTicks, long gossipMaxTicks,
                          long updateMinTicks, long updateMaxTicks,
                          int updatesPerReplica, int keys, long seed) {
    public CrdtOptions {
        if (kind == null || clock == null) {
            throw new IllegalArgumentException("kind and clock are required");
        }
        if (fanout < 1) {
            throw new IllegalArgumentException("fanout must be at least 1: " + fanout);
        }
        if (gossipMinTicks < 1 || gossipMaxTicks < gossipMinTicks) {
            throw new IllegalArgumentException("bad gossip period [" + gossipMinTicks + ", " + gossipMaxTicks + "]");
        }
        if (updateMinTicks < 1 || updateMaxTicks < updateMinTicks) {
            throw new IllegalArgumentException("bad update period [" + updateMinTicks + ", " + updateMaxTicks + "]");
        }
        if (updatesPerReplica < 0 || keys < 1) {
            throw new IllegalArgumentException("updatesPerReplica >= 0 and keys >= 1 required");
        }
    }

    /** An LWW map with HLC timestamps, fanout 1, ten updates per replica over three keys. */
    public static CrdtOptions defaults() {
        return new CrdtOptions(CrdtKind.LWW_MAP, ClockMode.HLC, 1, 5, 10, 3, 8, 10, 3, 1L);
    }

    public CrdtOptions withKind(CrdtKind k) {
        return new CrdtOptions(k, clock, fanout, gossipMinTicks, gossipMaxTicks, updateMinTicks, updateMaxTicks,
            updatesPerReplica, keys, seed);
    }

    public CrdtOptions withClock(ClockMode c) {
        return new CrdtOptions(kind, c, fanout, gossipMinTicks, gossipMaxTicks, updateMinTicks, updateMaxTicks,
            updatesPerReplica, keys, seed);
    }

    public CrdtOptions withFanout(int f) {
        return new CrdtOptions(kind, clock, f, gossipMinTicks, gossipMaxTicks, updateMinTicks, updateMaxTicks,
            updatesPerReplica, keys, seed);
    }

    public CrdtOptions withSeed(long s) {
        return new CrdtOptions(kind, clock, fanout, gossipMinTicks, gossipMaxTicks, updateMinTicks, updateMaxTicks,
            updatesPerReplica, keys, s);
    }

    public CrdtOptions withUpdatesPerReplica(int n) {
        return new CrdtOptions(kind, clock, fanout, gossipMinTicks, gossipMaxTicks, updateMinTicks, updateMaxTicks,
            n, keys, seed);
    }
}
