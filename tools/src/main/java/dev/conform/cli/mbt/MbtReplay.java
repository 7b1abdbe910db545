package dev.conform.cli.mbt;

import dev.conform.checker.value.TlaValue;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.sim.SteppedSimulator;
import dev.conform.runtime.sim.SteppedSimulator.InFlight;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Drives the implementation through one spec behaviour on the scripted scheduler: for each step
 * it delivers exactly the message the spec consumed (a copy from the network when the one sent has
 * already been consumed or lost, which only a duplicating network allows), fires the timer,
 * crashes or restarts the node; the implementation must then record that very action with the
 * spec's state after it. Steps the spec owes (the rest of the last handler) get no stimulus: the
 * implementation took them already. Whenever the spec owes nothing, no recorded action may be left
 * unmatched, and the messages the implementation has sent and the nodes up must be the spec's.
 * A step the implementation cannot take, or takes differently, is a {@link Mismatch}.
 */
final class MbtReplay<M> {
    private record Recorded(int node, String action, Object state) {
    }

    private final MbtModel<M> model;
    private final Deque<Recorded> recorded = new ArrayDeque<>();
    /** Keys of every message sent and not lost, and the last message sent under each key. */
    private final Map<String, InFlight<M>> sent = new HashMap<>();
    private final SteppedSimulator<M> sim;
    private final List<Map<String, TlaValue>> behaviour;
    private final int servers;

    MbtReplay(MbtModel<M> model, List<Map<String, TlaValue>> behaviour, List<String> flaws) {
        this.model = model;
        this.behaviour = behaviour;
        var options = model.options(behaviour);
        for (String f : flaws) {
            options = options.withFlaw(f);
        }
        this.servers = model.servers(behaviour.get(0));
        this.sim = new SteppedSimulator<>(model.algorithm(), servers, options, new SteppedSimulator.Listener<>() {
            @Override
            public void action(int node, String name, Object state) {
                recorded.add(new Recorded(node, name, state));
            }

            @Override
            public void sent(InFlight<M> m) {
                String k = key(m);
                if (k != null) {
                    sent.put(k, m);
                }
            }
        });
    }

    /** Replays the behaviour; null when the implementation followed every step. */
    Mismatch run(Set<String> covered) {
        for (int i = 1; i < behaviour.size(); i++) {
            Map<String, TlaValue> state = behaviour.get(i);
            MbtStep step = MbtStep.of(state);
            covered.add(step.action());
            Mismatch m = step(i, step, behaviour.get(i - 1), state);
            if (m != null) {
                return m;
            }
        }
        // A behaviour may end inside a handler: what the implementation recorded and the spec has
        // not taken yet must begin with what the spec owes (a step owed may owe more in turn, so
        // the handler's last actions may not be named yet).
        Map<String, TlaValue> last = behaviour.get(behaviour.size() - 1);
        List<MbtStep> owed = MbtStep.owed(last).stream().filter(model::records).toList();
        int k = 0;
        for (Recorded extra : recorded) {
            if (k == owed.size() && k > 0) {
                break;
            }
            if (k >= owed.size() || !owed.get(k).action().equals(extra.action()) || owed.get(k).node() != extra.node()) {
                return mismatch(behaviour.size() - 1, MbtStep.of(last), "the implementation took action "
                        + extra.action() + " at node " + extra.node() + ", which the spec did not take", last,
                        extra.state());
            }
            k++;
        }
        return null;
    }

    /**
     * One step from {@code before} to {@code state}. A step the spec owes (the rest of the last
     * handler) was taken by the implementation already and gets no stimulus.
     */
    private Mismatch step(int i, MbtStep step, Map<String, TlaValue> before, Map<String, TlaValue> state) {
        boolean owed = !MbtStep.owed(before).isEmpty();
        if (!owed) {
            String refused = apply(step, model.stimulus(step));
            if (refused != null) {
                return mismatch(i, step, refused, state, inFlightNow());
            }
        }
        if (model.records(step)) {
            Recorded r = recorded.poll();
            if (r == null) {
                return mismatch(i, step, "the implementation took no action"
                        + (owed ? " in the handler of its last step" : ""), state, inFlightNow());
            }
            if (r.node() != step.node() || !r.action().equals(step.action())) {
                return mismatch(i, step, "the implementation took " + r.action() + " at node " + r.node()
                        + (owed ? " in the handler of its last step" : "") + " instead", state, r.state());
            }
            Map<String, Object> got = model.recorded(step.node(), r.state());
            if (!model.agrees(step.node(), before, state, got)) {
                Map<String, Object> want = model.specView(step.node(), before, state);
                return mismatch(i, step, "node " + step.node() + " recorded " + got + " after " + step.action()
                        + "; the spec's state is " + want, state, r.state());
            }
        }
        return MbtStep.owed(state).isEmpty() ? settled(i, step, state) : null;
    }

    /** Makes the implementation take the step; returns why it cannot, or null. */
    private String apply(MbtStep step, MbtModel.Stimulus s) {
        int n = step.node();
        if (s instanceof MbtModel.Stimulus.Deliver) {
            return deliver(step);
        } else if (s instanceof MbtModel.Stimulus.Fire f) {
            return sim.fire(n, f.timer()) ? null : "node " + n + " has no " + f.timer() + " timer armed "
                    + (sim.up(n) ? "(armed: " + sim.timers(n).keySet() + ")" : "(it is down)");
        } else if (s instanceof MbtModel.Stimulus.Crash) {
            return sim.crash(n) ? null : "node " + n + " is already down";
        } else if (s instanceof MbtModel.Stimulus.Restart) {
            return sim.restart(n) ? null : "node " + n + " is up";
        } else if (s instanceof MbtModel.Stimulus.Reboot) {
            return sim.crash(n) && sim.restart(n) ? null : "node " + n + " is down";
        } else if (s instanceof MbtModel.Stimulus.Inject in) {
            @SuppressWarnings("unchecked")
            M msg = (M) in.message();
            return sim.deliver(sim.inject(in.from(), n, msg)) ? null : "node " + n + " could not be reached";
        } else if (s instanceof MbtModel.Stimulus.Lose) {
            String k = model.key(step.msg());
            sim.inFlight().stream().filter(m -> k.equals(key(m))).forEach(sim::drop);
            sent.remove(k);
            return null;
        }
        // Own: an action the implementation takes by itself (as it starts): recorded already.
        return recorded.isEmpty() ? "the implementation took no action by itself" : null;
    }

    private String deliver(MbtStep step) {
        String k = model.key(step.msg());
        InFlight<M> m = sim.inFlight().stream().filter(f -> k.equals(key(f))).findFirst().orElse(null);
        if (m == null) {
            InFlight<M> earlier = sent.get(k);
            if (earlier == null) {
                return "the implementation never sent " + step.msg().toTla();
            }
            if (model.algorithm().defaultNet() != NetSemantics.UNRELIABLE) {
                return step.msg().toTla() + " was consumed already and the network does not duplicate";
            }
            m = sim.duplicate(earlier);
        }
        return sim.deliver(m) ? null : "the network could not deliver " + step.msg().toTla() + " (node "
                + m.to() + " is down or cut off)";
    }

    /** Nothing owed: no action left unmatched, and the messages sent and the nodes up must be the spec's. */
    private Mismatch settled(int i, MbtStep step, Map<String, TlaValue> state) {
        Recorded more = recorded.peek();
        if (more != null) {
            return mismatch(i, step, "the implementation took action " + more.action() + " at node " + more.node()
                    + ", which the spec did not take", state, more.state());
        }
        Set<String> spec = new TreeSet<>(model.specMessages(state));
        Set<String> impl = new TreeSet<>(sent.keySet());
        if (!spec.equals(impl)) {
            Set<String> extra = new TreeSet<>(impl);
            extra.removeAll(spec);
            Set<String> missing = new TreeSet<>(spec);
            missing.removeAll(impl);
            return mismatch(i, step, "after " + step.action() + " the implementation has sent "
                    + (extra.isEmpty() ? "" : "also " + extra + " ") + (missing.isEmpty() ? "" : "not " + missing),
                    state, "sent: " + impl);
        }
        for (int n = 1; n <= servers; n++) {
            if (model.specUp(n, state) != sim.up(n)) {
                return mismatch(i, step, "node " + n + " is " + (sim.up(n) ? "up" : "down") + " in the implementation, "
                        + (sim.up(n) ? "down" : "up") + " in the spec", state, "up: " + sim.up(n));
            }
        }
        return null;
    }

    private String key(InFlight<M> m) {
        return model.key(m.from(), m.to(), m.msg());
    }

    private String inFlightNow() {
        return "in flight: " + sim.inFlight().stream().map(this::key).filter(k -> k != null)
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static Mismatch mismatch(int i, MbtStep step, String problem, Map<String, TlaValue> state, Object impl) {
        String spec = state.entrySet().stream().map(e -> "/\\ " + e.getKey() + " = " + e.getValue().toTla())
                .collect(Collectors.joining("\n"));
        return new Mismatch(i, step, problem, spec, String.valueOf(impl));
    }
}
