package dev.conform.algorithms.raft;

import dev.conform.checker.invariants.raft.RaftInvariants;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.sim.SteppedSimulator;
import dev.conform.runtime.sim.SteppedSimulator.InFlight;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted Raft run on the runtime's {@link SteppedSimulator}: a few verbs (elect, exchange,
 * request, reboot) over its deliver/drop/fire/crash/restart, the actions, crashes and restarts
 * recorded as trace events, and those judged by the checker's Raft invariants
 * ({@link RaftInvariants#invariantsAlone()}: the run has no network events for the spec's steps).
 */
final class Script {
    static final int CLIENT = 101;

    final SteppedSimulator<RaftMessage> sim;
    /** "node:Action", in order. */
    final List<String> actions = new ArrayList<>();
    private final List<TraceEvent> events = new ArrayList<>();

    Script(int servers, Options options) {
        sim = new SteppedSimulator<>(new RaftAlgorithm(), servers, options.with("clients", 0));
        sim.listener(new SteppedSimulator.Listener<>() {
            @Override
            public void action(int node, String name, Object state) {
                actions.add(node + ":" + name);
                record(node, EventKind.ACTION, name, state);
            }
        });
    }

    private void record(int node, EventKind kind, String action, Object state) {
        events.add(new TraceEvent(events.size() + 1, node, kind, action, null, state, -1, null));
    }

    RaftNode server(int id) {
        return (RaftNode) sim.node(id);
    }

    /** Fires an armed timer of {@code id}. */
    void fire(int id, String timer) {
        if (!sim.fire(id, timer)) {
            throw new AssertionError("timer " + timer + " of server " + id + " is not armed");
        }
    }

    /** Delivers, in send order, every message in flight from {@code from} to {@code to}; returns how many. */
    int deliver(int from, int to) {
        int n = 0;
        for (InFlight<RaftMessage> m : sim.inFlight()) {
            if (m.from() == from && m.to() == to) {
                sim.deliver(m);
                n++;
            }
        }
        return n;
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

    /** The network loses every message in flight. */
    void dropHeld() {
        sim.inFlight().forEach(sim::drop);
    }

    /** Crash and immediate restart from the persisted state: a leader comes back a follower. */
    void reboot(int id) {
        sim.crash(id);
        record(id, EventKind.CRASH, null, null);
        sim.restart(id);
        record(id, EventKind.RESTART, null, sim.persisted(id));
    }

    /** Each Raft invariant the recorded run breaks, with the checker's first report of it. */
    Map<String, String> violations() {
        TraceHeader header = new TraceHeader(TraceHeader.SCHEMA_VERSION, RaftAlgorithm.NAME, sim.servers(), null,
                null, "scripted", Map.of(), TraceHeader.serversAndClients(sim.servers(), List.of()));
        return Verdicts.violations(RaftInvariants.invariantsAlone(), header, events);
    }
}
