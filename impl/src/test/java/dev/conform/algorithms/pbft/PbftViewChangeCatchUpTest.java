package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pbft.PbftMessage.ViewChange;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A replica left asking for a view the others have moved past catches up: the chaos run of seed
 * 37 (gate variant checkpoint-4) used to stall for good. Replica 4 is Byzantine and turns silent;
 * one honest replica gathered 2f+1 ViewChanges for a view and moved on to the next, but its own
 * ViewChange for that view was lost to the other two, which kept resending theirs: without 2f+1
 * they never move on, and the f+1 join rule needs two replicas ahead. Answering a ViewChange for
 * an older view with one for that view lets them complete it.
 */
class PbftViewChangeCatchUpTest {
    static final Options CHECKPOINT_4 = PbftRuns.OPTIONS.with("checkpointEvery", 4);
    /** The gate's progress rule for pbft (gate.json "progress".within). */
    static final long WITHIN = 20_000;

    @Test
    void aReplicaStillAskingForAnOlderViewIsAnsweredAndTheRunFinishes() {
        long seed = 37;
        ListSink sink = new ListSink();
        RunResult r = PbftRuns.run(seed, CHECKPOINT_4, sink);
        List<FaultEvent> faults = PbftRuns.plan(seed, CHECKPOINT_4).events();
        long lastFault = faults.get(faults.size() - 1).at();
        assertEquals(StopReason.STOP_CONDITION, r.reason(), r.toString());
        assertTrue(r.time() <= lastFault + WITHIN, "finished at tick " + r.time() + ", last fault at " + lastFault);
        assertTrue(answers(sink) > 0, "some replica answered a ViewChange for a view below its own");
        ReplayResult v = Verdicts.judge(sink);
        assertTrue(v.conforms(), Verdicts.describe(v));
    }

    /** ViewChanges sent for a view below the sender's recorded view: the answers to lagging replicas. */
    private static int answers(ListSink sink) {
        Map<Integer, Long> view = new HashMap<>();
        int n = 0;
        for (TraceEvent e : sink.events) {
            if (e.kind() == EventKind.ACTION && e.state() instanceof Map<?, ?> s && s.get("view") instanceof Long w) {
                view.put(e.node(), w);
            } else if (e.kind() == EventKind.SEND && e.msg().body() instanceof ViewChange vc
                    && vc.view() < view.getOrDefault(e.node(), 0L)) {
                n++;
            }
        }
        return n;
    }
}
