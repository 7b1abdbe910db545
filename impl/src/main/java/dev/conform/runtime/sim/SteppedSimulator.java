package dev.conform.runtime.sim;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A cluster whose schedule is chosen step by step by the caller instead of by a seed: which
 * message is delivered or dropped, which timer fires, when time advances, who crashes. Used by
 * scripted scenarios ({@code dev.conform.runtime.scenario}) to replay a schedule exactly, like the
 * figure-8 run of the Raft paper, that a seeded {@link Simulator} would only find by luck.
 *
 * <p>Rules of the stepped mode, all deterministic without any random source:
 * <ul>
 *   <li>A sent message goes into the in-flight list (in send order) and stays there until the
 *       caller delivers or drops it. Sends across a partition, or to a crashed server, are
 *       dropped at once; a message in flight across a partition made later is dropped when the
 *       caller tries to deliver it.</li>
 *   <li>A timer armed with {@code [min, max]} ticks is due at {@code now + max}: the latest
 *       moment the node allows, so an election starts early only when the caller says so
 *       ({@link #fire}). {@link #tick} advances time and fires the due timers in due order.</li>
 *   <li>A crash loses the node's volatile state, its timers and every message in flight to it;
 *       a restart rebuilds the node from what it persisted, read back through JSON as the
 *       {@link Simulator} does.</li>
 *   <li>Ids that are not servers (clients) are external endpoints: the caller
 *       {@link #inject}s their messages, and a message delivered to them is only reported.</li>
 * </ul>
 * This class is the scripted {@link Scheduler} of a {@link World}, the same world the seeded
 * {@link Simulator} drives: nodes, links (partitions), crashes, restarts from persisted state and
 * the effect commit are shared; only the choice of the next event differs.
 *
 * @param <M> the algorithm's message type
 */
public final class SteppedSimulator<M> extends Scheduler<M> {

    /** A message on the wire. {@code id} numbers messages in send order from 1. */
    public record InFlight<M>(long id, int from, int to, M msg) {
    }

    /** What the caller hears about each step, for printing a transcript. */
    public interface Listener<M> {
        /** Node {@code node} took spec action {@code name}; {@code state} is its recorded state. */
        default void action(int node, String name, Object state) {
        }

        /** Node {@code node}'s timer {@code name} fires at {@code time}; its handler runs next. */
        default void timer(int node, String name, long time) {
        }

        /** A server sent {@code m} (reported before its fate: a send dropped at once is sent too). */
        default void sent(InFlight<M> m) {
        }

        /** {@code m} reaches its destination; the handler runs next. */
        default void delivered(InFlight<M> m) {
        }

        /** A message was lost: {@code reason} is "partitioned", "crashed" or "dropped". */
        default void dropped(InFlight<M> m, String reason) {
        }

        /** The network made {@code copy}, a second copy of {@code original}. */
        default void duplicated(InFlight<M> original, InFlight<M> copy) {
        }
    }

    private final World<M> world;
    private final List<InFlight<M>> inFlight = new ArrayList<>();
    private Listener<M> listener = new Listener<>() { };
    /** Whether a partition is in force (its groups are read back from the links). */
    private boolean partitioned;
    private long messageIds;
    private long timerOrder;

    /** Builds {@code servers} servers (ids 1..n) and starts them at time 0. */
    public SteppedSimulator(Algorithm<M> algorithm, int servers, Options options) {
        this(algorithm, servers, options, null);
    }

    /** As above, with {@code listener} hearing the steps of the start already. */
    public SteppedSimulator(Algorithm<M> algorithm, int servers, Options options, Listener<M> listener) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be at least 1, got " + servers);
        }
        listener(listener);
        this.world = new World<>(algorithm, options, NodeIds.servers(servers), List.of(), false);
        world.scheduler = this;
        world.start();
    }

    public void listener(Listener<M> l) {
        this.listener = l == null ? new Listener<>() { } : l;
    }

    // ---- stepping ----------------------------------------------------------------------

    /** Messages in flight, in send order (a snapshot; stepping does not change it). */
    public List<InFlight<M>> inFlight() {
        return List.copyOf(inFlight);
    }

    /**
     * Delivers {@code m} (which must be in flight) to its destination and runs the handler.
     * Returns false when the message was dropped instead (partition, or destination down).
     */
    public boolean deliver(InFlight<M> m) {
        take(m);
        if (!connected(m.from(), m.to())) {
            listener.dropped(m, "partitioned");
            return false;
        }
        SimNode<M> dest = world.slot(m.to());
        if (dest == null) {
            return true; // an external endpoint: reported by the caller, nothing runs
        }
        if (!dest.up) {
            listener.dropped(m, "crashed");
            return false;
        }
        listener.delivered(m);
        dest.delivering(m.from(), m.msg());
        world.handle(dest, () -> dest.node.onMessage(dest, m.from(), m.msg()), "message");
        return true;
    }

    /** Loses {@code m} (which must be in flight). */
    public void drop(InFlight<M> m) {
        take(m);
        listener.dropped(m, "dropped");
    }

    /**
     * The network duplicates {@code m}, a message sent earlier (still in flight, or delivered or
     * lost since: the network may have kept a copy): a copy with a new id goes in flight, last.
     * Legal only on a network that duplicates; the caller checks the algorithm's
     * {@link dev.conform.runtime.NetSemantics}.
     */
    public InFlight<M> duplicate(InFlight<M> m) {
        if (m.id() < 1 || m.id() > messageIds) {
            throw new IllegalArgumentException("message " + m.id() + " was never sent");
        }
        InFlight<M> copy = new InFlight<>(++messageIds, m.from(), m.to(), m.msg());
        inFlight.add(copy);
        world.steps++;
        listener.duplicated(m, copy);
        return copy;
    }

    /** Takes {@code m} off the wire: one step. */
    private void take(InFlight<M> m) {
        if (!inFlight.remove(m)) {
            throw new IllegalArgumentException("message " + m.id() + " is not in flight");
        }
        world.steps++;
    }

    /** Puts a message from an external endpoint (a client) on the wire; returns it. */
    public InFlight<M> inject(int from, int to, M msg) {
        if (world.slot(from) != null) {
            throw new IllegalArgumentException("node " + from + " is a server; servers send by themselves");
        }
        InFlight<M> m = new InFlight<>(++messageIds, from, to, msg);
        inFlight.add(m);
        return m;
    }

    /** Fires node {@code id}'s armed timer {@code name} now; false when it is not armed. */
    public boolean fire(int id, String name) {
        SimNode<M> s = slot(id);
        if (!s.up || !s.timers.containsKey(name)) {
            return false;
        }
        s.timers.remove(name);
        world.steps++;
        listener.timer(id, name, world.now);
        world.handle(s, () -> s.node.onTimer(s, name), "timer");
        return true;
    }

    /** A timer that fired during {@link #tick}. */
    public record Fired(long time, int node, String timer) {
    }

    /**
     * Advances time by {@code ticks}, firing every timer that falls due on the way (including
     * timers armed by those firings) at its due time, ordered by (due time, arming order).
     */
    public List<Fired> tick(long ticks) {
        if (ticks < 0) {
            throw new IllegalArgumentException("cannot tick backwards: " + ticks);
        }
        long end = world.now + ticks;
        List<Fired> fired = new ArrayList<>();
        for (Fired f = due(end); f != null; f = due(end)) {
            world.now = f.time();
            fired.add(f);
            fire(f.node(), f.timer());
        }
        world.now = end;
        return fired;
    }

    /** The timer of an up node that falls due first by {@code end} (at now if overdue), or null. */
    private Fired due(long end) {
        Fired next = null;
        SimEvent first = null;
        for (SimNode<M> s : world.nodes) {
            for (Map.Entry<String, SimEvent> e : s.timers.entrySet()) {
                if (s.up && e.getValue().time <= end && (first == null || e.getValue().before(first))) {
                    first = e.getValue();
                    next = new Fired(Math.max(world.now, first.time), s.id, e.getKey());
                }
            }
        }
        return next;
    }

    /** Crashes server {@code id}; messages in flight to it are lost. False when already down. */
    public boolean crash(int id) {
        return world.crash(slot(id));
    }

    /** Loses the disk of the crashed server {@code id}: it restarts from nothing. False (no change) when it is up. */
    public boolean wipe(int id) {
        return world.wipe(slot(id));
    }

    /** Restarts server {@code id} from its persisted state. False when it is up. */
    public boolean restart(int id) {
        return world.restart(slot(id));
    }

    /**
     * Splits the servers into groups that only reach their own members; servers named in no
     * group form one more group together. Clients reach everyone.
     */
    public void partition(List<? extends Collection<Integer>> groups) {
        Set<Integer> named = new HashSet<>();
        List<List<Integer>> lists = new ArrayList<>();
        for (Collection<Integer> members : groups) {
            for (int id : members) {
                slot(id);
                if (!named.add(id)) {
                    throw new IllegalArgumentException("server " + id + " is in two groups");
                }
            }
            lists.add(List.copyOf(members));
        }
        partitioned = true;
        world.links.partition(new FaultEvent.Partition(world.now, lists), world.serverIds);
        world.steps++;
    }

    /** Removes the partition. */
    public void heal() {
        partitioned = false;
        world.links.partition(new FaultEvent.Heal(world.now), world.serverIds);
        world.steps++;
    }

    public boolean connected(int a, int b) {
        int i = world.indexOf(a);
        int j = world.indexOf(b);
        return i < 0 || j < 0 || world.links.reachable(i, j);
    }

    // ---- inspection --------------------------------------------------------------------

    public boolean up(int id) {
        return slot(id).up;
    }

    /** Armed timers of node {@code id}: name to due time, by name. */
    public Map<String, Long> timers(int id) {
        Map<String, Long> out = new TreeMap<>();
        slot(id).timers.forEach((k, v) -> out.put(k, v.time));
        return Collections.unmodifiableMap(out);
    }

    /** What server {@code id} last persisted (null when nothing yet). */
    public Object persisted(int id) {
        return slot(id).persisted;
    }

    /** The partition as groups of servers (ordered by their lowest id), or empty when there is none. */
    public List<Set<Integer>> groups() {
        List<Set<Integer>> out = new ArrayList<>();
        for (int id : partitioned ? world.serverIds : List.<Integer>of()) {
            if (out.stream().noneMatch(g -> g.contains(id))) {
                out.add(new TreeSet<>(world.serverIds.stream().filter(o -> connected(id, o)).toList()));
            }
        }
        return out;
    }

    @Override
    World<M> world() {
        return world;
    }

    private SimNode<M> slot(int id) {
        SimNode<M> s = world.slot(id);
        if (s == null) {
            throw new IllegalArgumentException("no server " + id + " (servers are 1.." + world.serverIds.size() + ")");
        }
        return s;
    }

    // ---- Scheduler: how the scripted world commits effects ------------------------------

    @Override
    boolean tracing() {
        return true;
    }

    @Override
    void recordAction(SimNode<M> n, String name, Object state) {
        listener.action(n.id, name, state);
    }

    @Override
    Object recordSend(SimNode<M> n, int to, M msg) {
        InFlight<M> m = new InFlight<>(++messageIds, n.id, to, msg);
        listener.sent(m);
        SimNode<M> dest = world.slot(to);
        if (!connected(n.id, to)) {
            listener.dropped(m, "partitioned");
            return null;
        }
        if (dest != null && !dest.up) {
            listener.dropped(m, "crashed");
            return null;
        }
        return m;
    }

    /** The latest moment the node allows: an early firing is the caller's choice ({@link #fire}). */
    @Override
    long timerTicks(SimNode<M> n, long minTicks, long maxTicks) {
        return maxTicks;
    }

    @SuppressWarnings("unchecked")
    @Override
    void transmit(SimNode<M> n, Object sent) {
        inFlight.add((InFlight<M>) sent);
    }

    @Override
    void arm(SimNode<M> n, String name, long ticks) {
        SimEvent t = new SimEvent();
        t.type = SimEvent.TIMER;
        t.node = n.index;
        t.time = world.now + ticks;
        t.seq = ++timerOrder;
        n.timers.put(name, t);
    }

    @Override
    void cancel(SimNode<M> n, String name) {
        n.timers.remove(name);
    }

    @Override
    void crashed(SimNode<M> n) {
        world.steps++;
        for (InFlight<M> m : List.copyOf(inFlight)) {
            if (m.to() == n.id) {
                inFlight.remove(m);
                listener.dropped(m, "crashed");
            }
        }
    }

    @Override
    void restarted(SimNode<M> n, Object restored) {
        world.steps++;
    }
}
