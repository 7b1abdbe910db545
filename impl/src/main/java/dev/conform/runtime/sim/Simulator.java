package dev.conform.runtime.sim;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.MessageTypes;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.StopCondition;
import dev.conform.runtime.nemesis.Connectivity;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic discrete-event simulation of one algorithm run.
 *
 * <p>One thread, logical time in ticks, an agenda ordered by (time, sequence number). Every choice
 * (message delays and so delivery order, loss and duplication, timer values within their range)
 * is drawn from one {@link SplittableRandom} seeded by {@link SimConfig#seed()}, in an order fixed
 * by the agenda; faults come from the {@link FaultPlan} at their times. Hence the same seed, plan
 * and configuration give the same run, and the same trace byte for byte.
 *
 * <p>The simulator records send, deliver, drop, duplicate, timer, crash, restart and fault events
 * with a global sequence number and Lamport and vector clocks; nodes record their spec actions.
 * With a disabled sink nothing of the trace is built.
 *
 * <p>The simulator is the seeded {@link Scheduler} of a {@link World}, which holds the nodes,
 * links, crashes and restarts; the {@link SteppedSimulator} drives the same world by script.
 *
 * <p>A simulator runs once: build, {@link #run()}, then inspect it as a {@link ClusterView}.
 */
public final class Simulator<M> extends Scheduler<M> {
    /** Producer name written into trace headers. */
    public static final String PRODUCER = "conform-sim 0.1.0";

    private final Algorithm<M> algorithm;
    private final SimConfig config;
    private final FaultPlan plan;
    private final TraceSink sink;
    final SimTracer tracer;
    private final SplittableRandom random;
    private final EventQueue queue = new EventQueue();
    private final World<M> world;
    private final List<SimNode<M>> nodes;
    private final List<Integer> serverIds;
    private final List<Integer> clientIds;
    private final Links links;
    private final StopCondition<M> stop;
    private final boolean reliable;

    private long seq;
    private long msgIds;
    private long deliveries;
    private long sent;
    private long dropped;
    private boolean ran;
    /** Latest time (up to maxTime) of a timer firing taken out of the agenda; see unqueue. */
    private long ghostTime = Long.MIN_VALUE;
    /** Whether a timer firing after maxTime was taken out of the agenda. */
    private boolean ghostBeyondMaxTime;
    private RunResult result;

    public Simulator(Algorithm<M> algorithm, SimConfig config, FaultPlan plan, TraceSink sink) {
        this.algorithm = algorithm;
        this.config = config.withOptions(algorithm.resolveOptions(config.options(), config.seed()));
        this.plan = plan == null ? FaultPlan.none() : plan;
        this.sink = sink == null ? TraceSink.noop() : sink;
        this.random = new SplittableRandom(config.seed());
        this.reliable = config.net() == NetSemantics.RELIABLE;
        this.stop = algorithm.stopCondition(this.config.options());

        List<Integer> servers = NodeIds.servers(config.servers());
        world = new World<>(algorithm, this.config.options(), servers,
                NodeIds.clients(servers, algorithm.clients(this.config.options())), true);
        world.scheduler = this;
        nodes = world.nodes;
        serverIds = world.serverIds;
        clientIds = world.clientIds;
        links = world.links;
        Algorithms.checkPlan(algorithm, serverIds, this.config.options(), this.plan);
        tracer = this.sink.enabled()
                ? new SimTracer(this.sink, nodes.stream().mapToInt(n -> n.id).toArray()) : null;
    }

    /** The trace header this run writes first. */
    public TraceHeader header() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("servers", config.servers());
        params.put("clients", clientIds);
        params.put("net", config.net().wireName());
        params.put("maxSteps", config.maxSteps());
        if (config.maxTime() != Long.MAX_VALUE) {
            params.put("maxTime", config.maxTime());
        }
        params.put("delay", List.of(config.minDelay(), config.maxDelay()));
        params.put("lossPercent", config.lossPercent());
        params.put("duplicatePercent", config.duplicatePercent());
        params.put("options", config.options().values());
        params.put("flaws", List.copyOf(config.options().flaws()));
        List<Integer> all = new ArrayList<>(serverIds);
        all.addAll(clientIds);
        return new TraceHeader(TraceHeader.SCHEMA_VERSION, algorithm.name(), all, config.seed(), plan,
                PRODUCER, params, TraceHeader.withClients(algorithm.serverRoles(serverIds), clientIds));
    }

    /** Runs to the end of the budget, the stop condition or quiescence. Call once. */
    public RunResult run() {
        if (ran) {
            throw new IllegalStateException("a simulator runs once");
        }
        ran = true;
        if (tracer != null) {
            sink.header(header());
        }
        for (FaultEvent f : plan.events()) {
            if (f instanceof FaultEvent.Byzantine && f.at() <= 0) {
                // Byzantine from the start: armed before any node starts, so its first sends too
                // are the adversary's (other faults at 0 apply after the starts, as they always did)
                fault(f);
                world.steps++;
                continue;
            }
            SimEvent ev = new SimEvent();
            ev.time = f.at();
            ev.type = SimEvent.FAULT;
            ev.node = -1;
            ev.payload = f;
            schedule(ev);
        }
        world.start();
        StopReason reason = loop();
        result = new RunResult(reason, world.steps, deliveries, sent, dropped, world.now);
        return result;
    }

    private StopReason loop() {
        if (stop != null && stop.done(this)) {
            return StopReason.STOP_CONDITION;
        }
        long maxSteps = config.maxSteps();
        long maxTime = config.maxTime();
        World<M> w = world;
        while (true) {
            if (w.steps >= maxSteps) {
                return StopReason.STEP_BUDGET;
            }
            SimEvent ev = queue.peek();
            if (ev == null) {
                w.now = Math.max(w.now, ghostTime);
                return ghostBeyondMaxTime ? StopReason.TIME_BUDGET : StopReason.QUIESCENT;
            }
            if (ev.time > maxTime) {
                w.now = Math.max(w.now, ghostTime);
                return StopReason.TIME_BUDGET;
            }
            queue.poll();
            w.now = ev.time;
            boolean counted;
            switch (ev.type) {
                case SimEvent.DELIVER -> counted = deliver(ev);
                case SimEvent.TIMER -> counted = fire(ev);
                case SimEvent.FAULT -> counted = fault((FaultEvent) ev.payload);
                default -> throw new IllegalStateException("unknown event type " + ev.type);
            }
            if (counted) {
                w.steps++;
                if (stop != null && stop.done(this)) {
                    return StopReason.STOP_CONDITION;
                }
            }
        }
    }

    private void schedule(SimEvent ev) {
        ev.seq = seq++;
        queue.add(ev);
    }

    // ---- network -------------------------------------------------------------------------

    /**
     * Records a send and draws its fate (loss, delay, duplication); returns the delivery that
     * {@link #transmit} queues once the sender's effects are persisted, or null when it is lost.
     */
    @Override
    boolean tracing() {
        return tracer != null;
    }

    @Override
    void recordAction(SimNode<M> n, String name, Object state) {
        if (tracer != null) {
            tracer.action(n.index, name, state);
        }
    }

    @Override
    Object recordSend(SimNode<M> from, int toId, M msg) {
        sent++;
        SimEvent ev = new SimEvent();
        ev.type = SimEvent.DELIVER;
        ev.from = from.index;
        ev.msgId = ++msgIds;
        ev.payload = msg;
        if (tracer != null) {
            tracer.send(from.index, ev, toId);
        }
        int to = world.indexOf(toId);
        if (to < 0 || to == from.index || !links.reachable(from.index, to)) {
            dropAtSend(from, ev, toId);
            return null;
        }
        SimNode<M> dest = nodes.get(to);
        ev.node = to;
        ev.incarnation = dest.incarnation;
        Links.Rule rule = links.rule(from.index, to);
        long now = world.now;
        if (reliable) {
            ev.time = links.fifoDelivery(from.index, to, now + delay(rule), now);
            return ev;
        }
        double loss = rule == null ? config.lossPercent() / 100.0 : rule.loss();
        if (loss > 0 && random.nextDouble() < loss) {
            dropAtSend(from, ev, toId);
            return null;
        }
        ev.time = now + delay(rule) + reorderDelay(rule);
        double dup = rule == null ? config.duplicatePercent() / 100.0 : rule.duplicate();
        if (dup > 0 && random.nextDouble() < dup) {
            SimEvent copy = new SimEvent();
            copy.type = SimEvent.DELIVER;
            copy.from = ev.from;
            copy.node = ev.node;
            copy.incarnation = ev.incarnation;
            copy.msgId = ev.msgId;
            copy.payload = msg;
            copy.lamport = ev.lamport;
            copy.vc = ev.vc;
            copy.time = now + delay(rule) + reorderDelay(rule);
            if (tracer != null) {
                tracer.duplicate(from.index, copy, toId);
            }
            ev.twin = copy;
        }
        return ev;
    }

    /** Puts a recorded send (and its duplicate, if the network made one) in flight. */
    @Override
    void transmit(SimNode<M> from, Object sent) {
        SimEvent ev = (SimEvent) sent;
        schedule(ev);
        SimEvent copy = ev.twin;
        if (copy != null) {
            ev.twin = null;
            schedule(copy);
        }
    }

    private long delay(Links.Rule rule) {
        long min = config.minDelay();
        long max = config.maxDelay();
        if (rule != null && rule.delayMax() > 0) {
            min = Math.max(1, rule.delayMin());
            max = Math.max(min, rule.delayMax());
        }
        return min == max ? min : random.nextLong(min, max + 1);
    }

    private long reorderDelay(Links.Rule rule) {
        if (rule == null || rule.reorder() <= 0 || random.nextDouble() >= rule.reorder()) {
            return 0;
        }
        return random.nextLong(1, 4 * config.maxDelay() + 2);
    }

    private void dropAtSend(SimNode<M> from, SimEvent ev, int toId) {
        dropped++;
        if (tracer != null) {
            tracer.drop(from.index, ev, toId);
        }
    }

    private boolean deliver(SimEvent ev) {
        SimNode<M> dest = nodes.get(ev.node);
        if (!dest.up || dest.incarnation != ev.incarnation || !links.reachable(ev.from, ev.node)) {
            dropped++;
            if (tracer != null) {
                tracer.drop(ev.node, ev, dest.id);
            }
            return true;
        }
        deliveries++;
        if (tracer != null) {
            tracer.deliver(ev.node, ev);
        }
        @SuppressWarnings("unchecked")
        M msg = (M) ev.payload;
        int fromId = nodes.get(ev.from).id;
        Node<M> node = dest.node;
        dest.delivering(fromId, msg);
        try {
            node.onMessage(dest, fromId, msg);
        } catch (RuntimeException | Error e) {
            dest.commit(dest);
            throw new NodeFailure(dest.id, world.now, "message " + MessageTypes.name(msg) + " from " + fromId, e);
        }
        dest.commit(dest);
        return true;
    }

    // ---- timers --------------------------------------------------------------------------

    /** A timer's length, drawn from the run's source (bounds already checked by the buffer). */
    @Override
    long timerTicks(SimNode<M> n, long minTicks, long maxTicks) {
        return minTicks == maxTicks ? minTicks : random.nextLong(minTicks, maxTicks + 1);
    }

    /** Arms (or re-arms) timer {@code name} of {@code n} to fire {@code ticks} from now, skewed. */
    @Override
    void arm(SimNode<M> n, String name, long ticks) {
        long now = world.now;
        if (n.skewRate != 1.0) {
            ticks = Math.max(1, Math.round(ticks * n.skewRate));
        }
        SimEvent armed = n.timers.get(name);
        if (armed != null && armed.slot >= 0) {
            // re-armed (election timers, on every append): move the pending firing instead of
            // queueing a new one; it gets the sequence number a new firing would get
            ghost(armed.time);
            armed.time = now + ticks;
            armed.seq = seq++;
            queue.moved(armed);
            return;
        }
        SimEvent ev = new SimEvent();
        ev.type = SimEvent.TIMER;
        ev.node = n.index;
        ev.incarnation = n.incarnation;
        ev.payload = name;
        ev.time = now + ticks;
        schedule(ev);
        unqueue(n.timers.put(name, ev));
    }

    @Override
    void cancel(SimNode<M> n, String name) {
        unqueue(n.timers.remove(name));
    }

    /**
     * Takes a superseded timer firing out of the agenda (re-armed election timers would
     * otherwise crowd the heap). The agenda used to pop such firings as no-ops, which moved
     * {@link #now} at the very end of a run; {@link #ghostTime} keeps that observable behaviour.
     */
    private void unqueue(SimEvent old) {
        if (old != null && queue.remove(old)) {
            ghost(old.time);
        }
    }

    private void ghost(long time) {
        if (time <= config.maxTime()) {
            ghostTime = Math.max(ghostTime, time);
        } else {
            ghostBeyondMaxTime = true;
        }
    }

    private boolean fire(SimEvent ev) {
        SimNode<M> n = nodes.get(ev.node);
        String name = (String) ev.payload;
        // remove(name, ev) compares by identity: a superseded firing finds another event there
        if (!n.up || n.incarnation != ev.incarnation || !n.timers.remove(name, ev)) {
            return false;
        }
        if (tracer != null) {
            tracer.timer(n.index, name);
        }
        world.handle(n, () -> n.node.onTimer(n, name), "start or timer");
        return true;
    }

    // ---- faults --------------------------------------------------------------------------

    private boolean fault(FaultEvent f) {
        if (f instanceof FaultEvent.Crash c) {
            world.crash(nodes.get(index(c.node())));
        } else if (f instanceof FaultEvent.Restart r) {
            world.restart(nodes.get(index(r.node())));
        } else if (f instanceof FaultEvent.Wipe w) {
            SimNode<M> n = nodes.get(index(w.node()));
            if (world.wipe(n) && tracer != null) {
                tracer.nodeFault(n.index, w.kind(), w);
            }
        } else if (f instanceof FaultEvent.Skew s) {
            skew(s);
        } else if (f instanceof FaultEvent.Byzantine b) {
            SimNode<M> n = nodes.get(index(b.node()));
            world.byzantine(n, b, config.seed());
            if (tracer != null) {
                tracer.nodeFault(n.index, b.kind(), b);
            }
        } else if (f instanceof FaultEvent.LinkFault l) {
            links.link(l, l.from() == 0 ? -1 : index(l.from()), l.to() == 0 ? -1 : index(l.to()));
            if (tracer != null) {
                tracer.clusterFault(f.kind(), f);
            }
        } else if (Connectivity.isPartition(f)) {
            links.partition(f, serverIds);
            if (tracer != null) {
                tracer.clusterFault(f.kind(), f);
            }
        } else {
            throw new IllegalStateException("unhandled fault " + f);
        }
        return true;
    }

    private int index(int id) {
        int i = world.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("fault plan names unknown node " + id);
        }
        return i;
    }

    /** Messages in flight to a crashed node are lost: their incarnation is stale on arrival. */
    @Override
    void crashed(SimNode<M> n) {
        if (tracer != null) {
            tracer.crash(n.index);
        }
    }

    @Override
    void restarted(SimNode<M> n, Object restored) {
        if (tracer != null) {
            tracer.restart(n.index, restored);
        }
    }

    private void skew(FaultEvent.Skew s) {
        SimNode<M> n = nodes.get(index(s.node()));
        long local = n.localTime();
        n.skewBase = local + s.offset();
        n.skewAt = world.now;
        n.skewRate = s.ratePercent() <= 0 ? 1.0 : s.ratePercent() / 100.0;
        if (tracer != null) {
            tracer.nodeFault(n.index, s.kind(), s);
        }
    }

    @Override
    World<M> world() {
        return world;
    }

    /** The state node {@code id} last persisted (null when none); survives its crashes. */
    public Object persisted(int id) {
        SimNode<M> n = world.slot(id);
        return n == null ? null : n.persisted;
    }

    /** The result of {@link #run()}, or null before it finished. */
    public RunResult result() {
        return result;
    }

    public SimConfig config() {
        return config;
    }

    public FaultPlan plan() {
        return plan;
    }

    public Algorithm<M> algorithm() {
        return algorithm;
    }
}
