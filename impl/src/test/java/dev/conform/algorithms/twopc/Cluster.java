package dev.conform.algorithms.twopc;

import dev.conform.runtime.Node;
import dev.conform.runtime.RecordingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * A tiny in-test message pump for a whole 2PC cluster: messages in flight are delivered in an
 * order drawn from a seed, nodes can be crashed (losing everything but what they persisted)
 * and restarted, timers fire only when a test says so.
 */
final class Cluster {
    record Envelope(int from, int to, TwoPhaseMessage msg) {
    }

    record Step(int node, String action, Object state) {
    }

    final List<Integer> ids;
    final TwoPhaseOptions options;
    final SplittableRandom random;
    final Map<Integer, Node<TwoPhaseMessage>> nodes = new HashMap<>();
    final Map<Integer, RecordingContext<TwoPhaseMessage>> contexts = new HashMap<>();
    final Map<Integer, Object> disk = new HashMap<>();
    final TreeSet<Integer> down = new TreeSet<>();
    final List<Envelope> inFlight = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    /** Participants that ever sent a yes vote (the spec's yesVotes). */
    final TreeSet<Integer> yesVotes = new TreeSet<>();

    Cluster(int n, TwoPhaseOptions options, long seed) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(i);
        }
        this.ids = List.copyOf(all);
        this.options = options;
        this.random = new SplittableRandom(seed);
    }

    Cluster start() {
        for (int id : ids) {
            boot(id);
        }
        return this;
    }

    private void boot(int id) {
        Node<TwoPhaseMessage> node = TwoPhaseNodes.create(id, ids, disk.get(id), options);
        RecordingContext<TwoPhaseMessage> ctx = new RecordingContext<>(id, ids);
        ctx.persisted = disk.get(id);
        nodes.put(id, node);
        contexts.put(id, ctx);
        node.onStart(ctx);
        collect(id);
    }

    private void collect(int id) {
        RecordingContext<TwoPhaseMessage> ctx = contexts.get(id);
        for (RecordingContext.Sent<TwoPhaseMessage> s : ctx.sent) {
            inFlight.add(new Envelope(id, s.to(), s.msg()));
            if (s.msg() instanceof TwoPhaseMessage.Vote v && v.yes()) {
                yesVotes.add(id);
            }
        }
        for (RecordingContext.Action a : ctx.actions) {
            steps.add(new Step(id, a.name(), a.state()));
        }
        if (ctx.persisted != null) {
            disk.put(id, ctx.persisted);
        }
        ctx.clearOutputs();
    }

    /** Delivers one message chosen by the seed; false when none is in flight. */
    boolean deliverOne() {
        if (inFlight.isEmpty()) {
            return false;
        }
        Envelope e = inFlight.remove(random.nextInt(inFlight.size()));
        if (!down.contains(e.to())) {
            nodes.get(e.to()).onMessage(contexts.get(e.to()), e.from(), e.msg());
            collect(e.to());
        }
        return true;
    }

    void deliverAll() {
        while (deliverOne()) {
            // keep pumping
        }
    }

    /** Delivers the first in-flight message matching, in send order. */
    void deliver(int from, int to, Class<? extends TwoPhaseMessage> type) {
        for (int i = 0; i < inFlight.size(); i++) {
            Envelope e = inFlight.get(i);
            if (e.from() == from && e.to() == to && type.isInstance(e.msg())) {
                inFlight.remove(i);
                if (!down.contains(to)) {
                    nodes.get(to).onMessage(contexts.get(to), from, e.msg());
                    collect(to);
                }
                return;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " from " + from + " to " + to + " in flight: " + inFlight);
    }

    /** The network loses every message in flight. */
    void dropAll() {
        inFlight.clear();
    }

    /** Fires {@code timer} at {@code id} if it is set; returns whether it fired. */
    boolean fire(int id, String timer) {
        if (down.contains(id) || contexts.get(id).timers.remove(timer) == null) {
            return false;
        }
        nodes.get(id).onTimer(contexts.get(id), timer);
        collect(id);
        return true;
    }

    boolean timerSet(int id, String timer) {
        return !down.contains(id) && contexts.get(id).timers.containsKey(timer);
    }

    void crash(int id) {
        if (down.add(id)) {
            nodes.remove(id);
            contexts.remove(id);
        }
    }

    void restart(int id) {
        if (down.remove(id)) {
            boot(id);
        }
    }

    Coordinator coordinator() {
        return (Coordinator) nodes.get(1);
    }

    Participant participant(int id) {
        return (Participant) nodes.get(id);
    }

    /** The durable state of participant {@code id}, readable even while it is down. */
    RmState rmState(int id) {
        return TwoPhaseLog.participantState(disk.get(id));
    }

    TmState tmState() {
        TmState s = TwoPhaseLog.coordinatorState(disk.get(1));
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
