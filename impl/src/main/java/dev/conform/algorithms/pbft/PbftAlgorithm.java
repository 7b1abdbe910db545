package dev.conform.algorithms.pbft;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Adversary;
import dev.conform.runtime.Json;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code pbft} algorithm descriptor: Castro and Liskov's PBFT with Ed25519 signatures on
 * n = 3f+1 replicas (4 by default; any other count than 3f+1 is refused), replicating Raft's
 * key-value store for the same seeded clients. Options: see {@link PbftOptions}; flaws: see
 * {@link PbftFlaw}.
 */
public final class PbftAlgorithm extends AbstractAlgorithm<PbftMessage> {
    public static final String NAME = "pbft";

    public PbftAlgorithm() {
        super(NAME, "PBFT (Castro-Liskov, Ed25519 signatures): Byzantine-tolerant replication of a key-value store",
                PbftMessage.class, PbftPersistentState.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<PbftMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        PbftPersistentState p = persisted == null || persisted instanceof PbftPersistentState
                ? (PbftPersistentState) persisted : Json.mapper().convertValue(persisted, PbftPersistentState.class);
        return new PbftReplica(PbftOptions.resolved(options), servers, id, p);
    }

    @Override
    public Set<String> optionKeys() {
        return PbftOptions.KEYS;
    }

    @Override
    public int defaultServers() {
        return 4;
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        return PbftOptions.of(options, seed).into(options);
    }

    @Override
    public int clients(Options options) {
        return options.getInt("clients", 2);
    }

    @Override
    public Node<PbftMessage> createClient(int id, List<Integer> servers, Options options) {
        return new PbftClient(id, servers, options);
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(PbftFlaw.PREPARED_2F.flawName(),
                "prepared with the PrePrepare and 2f-1 Prepares, 2f statements in all (Agreement)");
        f.put(PbftFlaw.UNCHECKED_NEW_VIEW.flawName(),
                "a backup accepts a NewView without checking its proofs or recomputing its PrePrepares (Agreement)");
        f.put(PbftFlaw.REPLY_F.flawName(), "the client accepts a result after f matching replies (ClientLinearity)");
        f.put(PbftFlaw.NO_DIGEST_CHECK.flawName(),
                "a backup accepts a PrePrepare whose digest is not its request's (Agreement)");
        return f;
    }

    /** f = (n - 1) / 3 of the 3f+1 replicas may be Byzantine. */
    @Override
    public int byzantineTolerance(List<Integer> servers, Options options) {
        return PbftOptions.faults(servers.size());
    }

    @Override
    public Set<String> byzantineBehaviours() {
        return dev.conform.algorithms.pbft.byzantine.PbftAdversary.BEHAVIOURS;
    }

    /** Chaos plans of a flawed run make replicas Byzantine only with the behaviour that exploits the flaw. */
    @Override
    public dev.conform.runtime.nemesis.ByzantineFaults byzantineChaos(List<Integer> servers, Options options) {
        return dev.conform.algorithms.pbft.byzantine.PbftAdversary.chaos(byzantineTolerance(servers, options), options);
    }

    @Override
    public Adversary<PbftMessage> adversary(Adversary.Setup setup) {
        return new dev.conform.algorithms.pbft.byzantine.PbftAdversary(setup);
    }

    /** Stops once every client accepted its whole workload (never, without clients). */
    @Override
    public StopCondition<PbftMessage> stopCondition(Options options) {
        if (clients(options) == 0) {
            return null;
        }
        return cluster -> {
            for (int c : cluster.clients()) {
                if (!(cluster.node(c) instanceof PbftClient k) || !k.done()) {
                    return false;
                }
            }
            return true;
        };
    }
}
