package dev.conform.algorithms.twopc;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.sim.SteppedSimulator;
import dev.conform.runtime.sim.SteppedSimulator.InFlight;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A whole 2PC cluster on the runtime's scripted scheduler ({@link SteppedSimulator}): messages in
 * flight are delivered in an order drawn from a seed, nodes can be crashed (losing everything but
 * what they persisted, and the messages in flight to them) and restarted, timers fire only when a
 * test says so. Adds the spec's properties over the durable states.
 */
final class Cluster {
    record Step(int node, String action, Object state) {
    }

    final List<Integer> ids;
    final SplittableRandom random;
    final SteppedSimulator<TwoPhaseMessage> sim;
    final List<Step> steps = new ArrayList<>();
    /** Participants that ever voted yes (the spec's yesVotes). */
    final TreeSet<Integer> yesVotes = new TreeSet<>();

    Cluster(int n, TwoPhaseOptions options, long seed) {
        this.random = new SplittableRandom(seed);
        this.sim = new SteppedSimulator<>(algorithm(options), n, Options.empty(), new SteppedSimulator.Listener<>() {
            @Override
            public void action(int node, String name, Object state) {
                steps.add(new Step(node, name, state));
                if (name.equals("RMVoteYes")) {
                    yesVotes.add(node);
                }
            }
        });
        this.ids = sim.servers();
    }

    /** Two-phase commit with these options, however the runtime's options say otherwise. */
    private static Algorithm<TwoPhaseMessage> algorithm(TwoPhaseOptions options) {
        TwoPhaseAlgorithm twopc = new TwoPhaseAlgorithm();
        return new Algorithm<>() {
            @Override
            public String name() {
                return twopc.name();
            }

            @Override
            public Class<TwoPhaseMessage> messageType() {
                return twopc.messageType();
            }

            @Override
            public Class<?> persistedType() {
                return twopc.persistedType();
            }

            @Override
            public Node<TwoPhaseMessage> create(int id, List<Integer> servers, Object persisted, Options ignored) {
                return TwoPhaseNodes.create(id, servers, persisted, options);
            }
        };
    }

    /** The nodes start when built: kept so that tests read as before. */
    Cluster start() {
        return this;
    }

    List<InFlight<TwoPhaseMessage>> inFlight() {
        return sim.inFlight();
    }

    /** Delivers one message chosen by the seed; false when none is in flight. */
    boolean deliverOne() {
        List<InFlight<TwoPhaseMessage>> all = sim.inFlight();
        if (all.isEmpty()) {
            return false;
        }
        sim.deliver(all.get(random.nextInt(all.size())));
        return true;
    }

    void deliverAll() {
        while (deliverOne()) {
            // keep pumping
        }
    }

    /** Delivers the first in-flight message matching, in send order. */
    void deliver(int from, int to, Class<? extends TwoPhaseMessage> type) {
        for (InFlight<TwoPhaseMessage> m : sim.inFlight()) {
            if (m.from() == from && m.to() == to && type.isInstance(m.msg())) {
                sim.deliver(m);
                return;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " from " + from + " to " + to + " in flight: "
                + sim.inFlight());
    }

    /** The network loses message {@code m}. */
    void drop(InFlight<TwoPhaseMessage> m) {
        sim.drop(m);
    }

    /** The network loses every message in flight. */
    void dropAll() {
        sim.inFlight().forEach(sim::drop);
    }

    /** Fires {@code timer} at {@code id} if it is set; returns whether it fired. */
    boolean fire(int id, String timer) {
        return sim.fire(id, timer);
    }

    void crash(int id) {
        sim.crash(id);
    }

    void restart(int id) {
        sim.restart(id);
    }

    Coordinator coordinator() {
        return (Coordinator) sim.node(1);
    }

    Participant participant(int id) {
        return (Participant) sim.node(id);
    }

    /** The durable state of participant {@code id}, readable even while it is down. */
    RmState rmState(int id) {
        return TwoPhaseLog.participantState(sim.persisted(id));
    }

    TmState tmState() {
        TmState s = TwoPhaseLog.coordinatorState(sim.persisted(1));
        return s == null ? TmState.INIT : s;
    }

    List<Integer> participants() {
        return ids.subList(1, ids.size());
    }

    /** The spec's Consistency, over durable states. */
    boolean consistent() {
        boolean anyCommit = tmState() == TmState.COMMITTED;
        boolean anyAbort = tmState() == TmState.ABORTED;
        boolean rmCommit = false;
        boolean rmAbort = false;
        for (int r : participants()) {
            rmCommit |= rmState(r) == RmState.COMMITTED;
            rmAbort |= rmState(r) == RmState.ABORTED;
        }
        return !(rmCommit && rmAbort) && !(anyCommit && rmAbort) && !(anyAbort && rmCommit);
    }

    /** The spec's CommitValidity. */
    boolean commitValid() {
        boolean committed = tmState() == TmState.COMMITTED;
        for (int r : participants()) {
            committed |= rmState(r) == RmState.COMMITTED;
        }
        return !committed || yesVotes.containsAll(participants());
    }

    boolean allDecided() {
        for (int r : participants()) {
            if (!rmState(r).decided()) {
                return false;
            }
        }
        return true;
    }

    List<String> actionNames(int node) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            if (s.node() == node) {
                out.add(s.action());
            }
        }
        return out;
    }
}
