package dev.conform.runtime;

import dev.conform.checker.invariants.InvariantSet;
import dev.conform.runtime.sim.SteppedSimulator;
import dev.conform.runtime.sim.SteppedSimulator.InFlight;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A test's hand on the runtime's scripted scheduler ({@link SteppedSimulator}): messages picked by
 * sender, receiver and type or by a seed, timers fired, nodes crashed and restarted. The spec
 * actions (from the start on), sends, deliveries, crashes and restarts are kept as trace events
 * (without clocks), which the checker's invariants judge ({@link #violations}).
 */
public class SteppedRun<M> {
    public final SteppedSimulator<M> sim;
    /** Actions, crashes and restarts in order (seq from 1, no clocks). */
    public final List<TraceEvent> events = new ArrayList<>();
    private final SplittableRandom random;
    private final TraceHeader header;

    public SteppedRun(Algorithm<M> algorithm, int servers, Options options, long seed) {
        this.random = new SplittableRandom(seed);
        this.sim = new SteppedSimulator<>(algorithm, servers, options, new SteppedSimulator.Listener<>() {
            @Override
            public void action(int node, String name, Object state) {
                record(node, EventKind.ACTION, name, null, state);
            }

            @Override
            public void sent(InFlight<M> m) {
                record(m.from(), EventKind.SEND, null, message(m), null);
            }

            @Override
            public void delivered(InFlight<M> m) {
                record(m.to(), EventKind.DELIVER, null, message(m), null);
            }
        });
        this.header = new TraceHeader(TraceHeader.SCHEMA_VERSION, algorithm.name(), sim.servers(), null, null,
                "scripted", Map.of("options", options.values()),
                TraceHeader.withClients(algorithm.serverRoles(sim.servers()), List.of()));
    }

    private static TraceMessage message(InFlight<?> m) {
        return new TraceMessage(m.id(), m.from(), m.to(), MessageTypes.name(m.msg()), m.msg());
    }

    private void record(int node, EventKind kind, String action, TraceMessage msg, Object state) {
        events.add(new TraceEvent(events.size() + 1, node, kind, action, msg, state, -1, null));
    }

    /** The names of the actions {@code node} recorded, in order. */
    public List<String> actions(int node) {
        return events.stream().filter(e -> e.node() == node && e.kind() == EventKind.ACTION)
                .map(TraceEvent::action).toList();
    }

    /** Delivers, in send order, every message in flight from {@code from} to {@code to}; returns how many. */
    public int deliver(int from, int to) {
        int n = 0;
        for (InFlight<M> m : sim.inFlight()) {
            if (m.from() == from && m.to() == to) {
                sim.deliver(m);
                n++;
            }
        }
        return n;
    }

    /** Delivers the first message of {@code type} in flight from {@code from} to {@code to}. */
    public void deliver(int from, int to, Class<? extends M> type) {
        InFlight<M> m = sim.inFlight().stream()
                .filter(f -> f.from() == from && f.to() == to && type.isInstance(f.msg())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " from " + from + " to " + to
                        + " in flight: " + sim.inFlight()));
        sim.deliver(m);
    }

    /** Delivers one message chosen by the seed; false when none is in flight. */
    public boolean deliverOne() {
        List<InFlight<M>> all = sim.inFlight();
        if (all.isEmpty()) {
            return false;
        }
        sim.deliver(all.get(random.nextInt(all.size())));
        return true;
    }

    /** Delivers in seeded order until nothing is in flight. */
    public void deliverAll() {
        while (deliverOne()) {
            // keep pumping
        }
    }

    /** The network loses every message in flight. */
    public void dropAll() {
        sim.inFlight().forEach(sim::drop);
    }

    /** Fires timer {@code timer} of node {@code id}, which must be armed. */
    public void fire(int id, String timer) {
        if (!sim.fire(id, timer)) {
            throw new AssertionError("timer " + timer + " of node " + id + " is not armed");
        }
    }

    public void crash(int id) {
        if (sim.crash(id)) {
            record(id, EventKind.CRASH, null, null, null);
        }
    }

    /** Restarts {@code id} from what it persisted, if it is down (recorded before its start actions). */
    public void restart(int id) {
        if (!sim.up(id)) {
            record(id, EventKind.RESTART, null, null, sim.persisted(id));
            sim.restart(id);
        }
    }

    /** Each invariant of {@code set} the recorded run breaks, with the checker's first report of it. */
    public <S> Map<String, String> violations(InvariantSet<S> set) {
        return Verdicts.violations(set, header, events);
    }
}
