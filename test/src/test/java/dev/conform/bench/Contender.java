package dev.conform.bench;

import dev.conform.algorithms.paxos.PaxosAlgorithm;
import dev.conform.algorithms.paxos.PaxosMessage;
import dev.conform.algorithms.paxos.PaxosNode;
import dev.conform.algorithms.raft.RaftAlgorithm;
import dev.conform.algorithms.raft.RaftMessage;
import dev.conform.algorithms.raft.RaftNode;
import dev.conform.algorithms.raft.Role;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.Node;
import java.util.function.ToLongFunction;

/**
 * One consensus algorithm of {@link PaxosRaftBench}: its descriptor and how to tell its leader from
 * outside (the server that leads in the highest term or ballot), which is what a leader-crash plan
 * needs to name its victim.
 *
 * @param name       label in the table
 * @param algorithm  the algorithm run
 * @param leadership the term or ballot a node leads in, or -1 when it does not lead
 * @param <M>        the algorithm's message type
 */
record Contender<M>(String name, Algorithm<M> algorithm, ToLongFunction<Node<M>> leadership) {
    static Contender<RaftMessage> raft() {
        return new Contender<>("raft", new RaftAlgorithm(),
            n -> n instanceof RaftNode r && r.role() == Role.Leader ? r.currentTerm() : -1);
    }

    static Contender<PaxosMessage> paxos() {
        return new Contender<>("paxos", new PaxosAlgorithm(),
            n -> n instanceof PaxosNode p && p.leading() ? p.ballot() : -1);
    }

    /** The live server leading in the highest term or ballot, or 0 when none leads. */
    int leader(ClusterView<M> cluster) {
        int best = 0;
        long bestRank = -1;
        for (int id : cluster.servers()) {
            Node<M> n = cluster.node(id);
            long rank = n == null ? -1 : leadership.applyAsLong(n);
            if (rank > bestRank) {
                best = id;
                bestRank = rank;
            }
        }
        return best;
    }
}
