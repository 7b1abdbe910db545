package dev.conform.runtime.sim;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.EffectBuffer;
import dev.conform.runtime.EffectTarget;
import dev.conform.runtime.Json;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
 *   <li>Ids that are not servers (clients, above 100) are external endpoints: the caller
 *       {@link #inject}s their messages, and a message delivered to them is only reported.</li>
 * </ul>
 * The seeded {@link Simulator} is unaffected by this class; the two share only the
 * {@link Algorithm} and {@link Node} contracts.
 *
 * @param <M> the algorithm's message type
 */
public final class SteppedSimulator<M> implements ClusterView<M> {

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

        /** A message was lost: {@code reason} is "partitioned", "crashed" or "dropped". */
        default void dropped(InFlight<M> m, String reason) {
        }
    }

    private final Algorithm<M> algorithm;
    private final Options options;
    private final List<Integer> servers;
    private final Map<Integer, Slot> slots = new LinkedHashMap<>();
    private final List<InFlight<M>> inFlight = new ArrayList<>();
    private Listener<M> listener = new Listener<>() { };
    private Map<Integer, Integer> group;
    private long now;
    private long steps;
    private long messageIds;
    private long timerOrder;

    /** Builds {@code servers} servers (ids 1..n) and starts them at time 0. */
    public SteppedSimulator(Algorithm<M> algorithm, int servers, Options options) {
        if (servers < 1 || servers > 100) {
            throw new IllegalArgumentException("servers must be in 1..100, got " + servers);
        }
        this.algorithm = algorithm;
        this.options = options;
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= servers; i++) {
            ids.add(i);
        }
        this.servers = List.copyOf(ids);
        for (int id : this.servers) {
            slots.put(id, new Slot(id));
        }
        for (Slot s : slots.values()) {
            s.up = true;
            s.node = algorithm.create(s.id, this.servers, null, options);
            s.node.onStart(s);
            s.commit(s);
        }
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
        if (!inFlight.remove(m)) {
            throw new IllegalArgumentException("message " + m.id() + " is not in flight");
        }
        steps++;
        if (!connected(m.from(), m.to())) {
            listener.dropped(m, "partitioned");
            return false;
        }
        Slot dest = slots.get(m.to());
        if (dest == null) {
            return true; // an external endpoint: reported by the caller, nothing runs
        }
        if (!dest.up) {
            listener.dropped(m, "crashed");
            return false;
        }
        dest.node.onMessage(dest, m.from(), m.msg());
        dest.commit(dest);
        return true;
    }

    /** Loses {@code m} (which must be in flight). */
    public void drop(InFlight<M> m) {
        if (!inFlight.remove(m)) {
            throw new IllegalArgumentException("message " + m.id() + " is not in flight");
        }
        steps++;
        listener.dropped(m, "dropped");
    }

    /** Puts a message from an external endpoint (a client) on the wire; returns it. */
    public InFlight<M> inject(int from, int to, M msg) {
        if (slots.containsKey(from)) {
            throw new IllegalArgumentException("node " + from + " is a server; servers send by themselves");
        }
        InFlight<M> m = new InFlight<>(++messageIds, from, to, msg);
        inFlight.add(m);
        return m;
    }

    /** Fires node {@code id}'s armed timer {@code name} now; false when it is not armed. */
    public boolean fire(int id, String name) {
        Slot s = slot(id);
        if (!s.up || !s.timers.containsKey(name)) {
            return false;
        }
        s.timers.remove(name);
        steps++;
        listener.timer(id, name, now);
        s.node.onTimer(s, name);
        s.commit(s);
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
        long end = now + ticks;
        List<Fired> fired = new ArrayList<>();
        while (true) {
            Slot best = null;
            String bestName = null;
            Armed bestTimer = null;
            for (Slot s : slots.values()) {
                if (!s.up) {
                    continue;
                }
                for (Map.Entry<String, Armed> e : s.timers.entrySet()) {
                    Armed a = e.getValue();
                    if (a.due <= end && (bestTimer == null || a.due < bestTimer.due
                            || (a.due == bestTimer.due && a.order < bestTimer.order))) {
                        best = s;
                        bestName = e.getKey();
                        bestTimer = a;
                    }
                }
            }
            if (best == null) {
                break;
            }
            now = Math.max(now, bestTimer.due);
            fired.add(new Fired(now, best.id, bestName));
            best.timers.remove(bestName);
            steps++;
            listener.timer(best.id, bestName, now);
            best.node.onTimer(best, bestName);
            best.commit(best);
        }
        now = end;
        return fired;
    }

    /** Crashes server {@code id}; messages in flight to it are lost. False when already down. */
    public boolean crash(int id) {
        Slot s = slot(id);
        if (!s.up) {
            return false;
        }
        s.up = false;
        s.node = null;
        s.timers.clear();
        steps++;
        for (InFlight<M> m : List.copyOf(inFlight)) {
            if (m.to() == id) {
                inFlight.remove(m);
                listener.dropped(m, "crashed");
            }
        }
        return true;
    }

    /** Restarts server {@code id} from its persisted state. False when it is up. */
    public boolean restart(int id) {
        Slot s = slot(id);
        if (s.up) {
            return false;
        }
        Object restored = Json.roundTrip(s.persisted, algorithm.persistedType());
        s.persisted = restored;
        s.up = true;
        s.node = algorithm.create(id, servers, restored, options);
        steps++;
        s.node.onStart(s);
        s.commit(s);
        return true;
    }

    /**
     * Splits the servers into groups that only reach their own members; servers named in no
     * group form one more group together. Clients reach everyone.
     */
    public void partition(List<? extends Collection<Integer>> groups) {
        Map<Integer, Integer> g = new HashMap<>();
        int k = 0;
        for (Collection<Integer> members : groups) {
            k++;
            for (int id : members) {
                slot(id);
                if (g.put(id, k) != null) {
                    throw new IllegalArgumentException("server " + id + " is in two groups");
                }
            }
        }
        k++;
        for (int id : servers) {
            g.putIfAbsent(id, k);
        }
        group = g;
        steps++;
    }

    /** Removes the partition. */
    public void heal() {
        group = null;
        steps++;
    }

    public boolean connected(int a, int b) {
        if (group == null || !slots.containsKey(a) || !slots.containsKey(b)) {
            return true;
        }
        return group.get(a).equals(group.get(b));
    }

    // ---- inspection --------------------------------------------------------------------

    public boolean up(int id) {
        return slot(id).up;
    }

    /** Armed timers of node {@code id}: name to due time, by name. */
    public Map<String, Long> timers(int id) {
        Map<String, Long> out = new TreeMap<>();
        slot(id).timers.forEach((k, v) -> out.put(k, v.due));
        return Collections.unmodifiableMap(out);
    }

    /** What server {@code id} last persisted (null when nothing yet). */
    public Object persisted(int id) {
        return slot(id).persisted;
    }

    /** True when {@code id} is a server of this cluster. */
    public boolean isServer(int id) {
        return slots.containsKey(id);
    }

    public Algorithm<M> algorithm() {
        return algorithm;
    }

    public Options options() {
        return options;
    }

    /** The partition as groups of servers, or empty when there is none. */
    public List<Set<Integer>> groups() {
        if (group == null) {
            return List.of();
        }
        Map<Integer, Set<Integer>> byGroup = new TreeMap<>();
        group.forEach((id, k) -> byGroup.computeIfAbsent(k, x -> new java.util.TreeSet<>()).add(id));
        List<Set<Integer>> out = new ArrayList<>(byGroup.values());
        out.sort((a, b) -> Integer.compare(a.iterator().next(), b.iterator().next()));
        return out;
    }

    @Override
    public List<Integer> servers() {
        return servers;
    }

    @Override
    public List<Integer> clients() {
        return List.of();
    }

    @Override
    public Node<M> node(int id) {
        Slot s = slots.get(id);
        return s == null ? null : s.node;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long steps() {
        return steps;
    }

    private Slot slot(int id) {
        Slot s = slots.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no server " + id + " (servers are 1.." + servers.size() + ")");
        }
        return s;
    }

    private record Armed(long due, long order) {
    }

    /** Book-keeping of one server, the effect buffer its handlers write to, and its commit target. */
    private final class Slot extends EffectBuffer<M> implements EffectTarget<M> {
        final int id;
        final Map<String, Armed> timers = new HashMap<>();
        Node<M> node;
        boolean up;
        Object persisted;

        Slot(int id) {
            this.id = id;
        }

        @Override
        public int self() {
            return id;
        }

        @Override
        public List<Integer> nodes() {
            return servers;
        }

        @Override
        public long localTime() {
            return now;
        }

        @Override
        public boolean tracing() {
            return true;
        }

        @Override
        public void recordAction(String name, Object state) {
            listener.action(id, name, state);
        }

        @Override
        public Object recordSend(int to, M msg) {
            InFlight<M> m = new InFlight<>(++messageIds, id, to, msg);
            Slot dest = slots.get(to);
            if (!connected(id, to)) {
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
        public long timerTicks(String name, long minTicks, long maxTicks) {
            return maxTicks;
        }

        @Override
        public void makeDurable(Object state) {
            persisted = state;
        }

        @SuppressWarnings("unchecked")
        @Override
        public void transmit(Object sent) {
            inFlight.add((InFlight<M>) sent);
        }

        @Override
        public void arm(String name, long ticks) {
            timers.put(name, new Armed(now + ticks, ++timerOrder));
        }

        @Override
        public void cancel(String name) {
            timers.remove(name);
        }
    }
}
