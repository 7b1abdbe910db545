package dev.conform.algorithms.raft;

import dev.conform.checker.invariants.raft.RaftInvariants;
import dev.conform.runtime.Options;
import dev.conform.runtime.SteppedRun;
import java.util.Map;

/**
 * A scripted Raft run: a few verbs (elect, exchange, request, reboot) over a {@link SteppedRun},
 * judged by the checker's Raft invariants ({@link RaftInvariants#invariantsAlone()}: the run has
 * no network events for the spec's steps).
 */
final class Script extends SteppedRun<RaftMessage> {
    static final int CLIENT = 101;

    Script(int servers, Options options) {
        super(new RaftAlgorithm(), servers, options.with("clients", 0), 0);
    }

    RaftNode server(int id) {
        return (RaftNode) sim.node(id);
    }

    /** Exchanges messages between the leader and each follower until nothing is left between them. */
    void exchange(int leader, int... followers) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int f : followers) {
                moved |= deliver(leader, f) > 0;
                moved |= deliver(f, leader) > 0;
            }
        }
    }

    /** Times {@code candidate} out and delivers its vote requests and the answers of {@code voters}. */
    void elect(int candidate, int... voters) {
        fire(candidate, RaftNode.ELECTION_TIMER);
        for (int v : voters) {
            deliver(candidate, v);
            deliver(v, candidate);
        }
    }

    /** A request of client 101 with sequence {@code seq}, delivered to {@code server} at once. */
    void request(int server, long seq, String op) {
        sim.deliver(sim.inject(CLIENT, server, new RaftMessage.ClientRequest(CLIENT, seq, op)));
    }

    /** Crash and immediate restart from the persisted state: a leader comes back a follower. */
    void reboot(int id) {
        crash(id);
        restart(id);
    }

    /** Each Raft invariant the recorded run breaks, with the checker's first report of it. */
    Map<String, String> violations() {
        return violations(RaftInvariants.invariantsAlone());
    }
}
