package dev.conform.algorithms.twopc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Algorithms;
import dev.conform.runtime.Json;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.StopReason;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.MemorySink;
import dev.conform.tracing.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole runs on the runtime's simulator, through the registered descriptor. */
class SimulatedTwoPhaseTest {
    private static SimConfig config(long seed, Options options) {
        return SimConfig.of(4, seed).withMaxTime(2_000).withMaxSteps(20_000).withOptions(options);
    }

    @SuppressWarnings("unchecked")
    private static Simulator<TwoPhaseMessage> sim(long seed, Options options, FaultPlan plan, MemorySink sink) {
        TwoPhaseAlgorithm algo = (TwoPhaseAlgorithm) Algorithms.byName(TwoPhaseAlgorithm.NAME);
        return new Simulator<>(algo, config(seed, options), plan, sink);
    }

    private static RmState rm(Simulator<TwoPhaseMessage> sim, int id) {
        return TwoPhaseLog.participantState(sim.persisted(id));
    }

    @Test
    void messagesSurviveJsonWithTheirSpecTypeNames() throws Exception {
        for (TwoPhaseMessage m : List.of(new TwoPhaseMessage.Prepare(), new TwoPhaseMessage.Vote(true),
                new TwoPhaseMessage.Decision(false), new TwoPhaseMessage.Ack(), new TwoPhaseMessage.DecisionRequest())) {
            String json = Json.mapper().writeValueAsString(m);
            assertTrue(json.contains("\"type\":\"" + m.getClass().getSimpleName() + "\""), json);
            assertEquals(m, Json.mapper().readValue(json, TwoPhaseMessage.class));
        }
    }

    @Test
    void reliableRunsCommitAndStopOnceEveryoneAcknowledged() {
        for (long seed = 1; seed <= 10; seed++) {
            Simulator<TwoPhaseMessage> sim = sim(seed, Options.empty(), FaultPlan.none(), null);
            RunResult r = sim.run();
            assertEquals(StopReason.STOP_CONDITION, r.reason(), "seed " + seed);
            for (int id = 2; id <= 4; id++) {
                assertEquals(RmState.COMMITTED, rm(sim, id), "seed " + seed);
            }
        }
    }

    @Test
    void traceRecordsSpecActionsWithSpecState() {
        MemorySink sink = new MemorySink();
        sim(3, Options.empty().with("voteNo", "3"), FaultPlan.none(), sink).run();
        List<String> actions = new ArrayList<>();
        for (TraceEvent e : sink.events()) {
            if (e.action() != null) {
                actions.add(e.node() + ":" + e.action());
            }
        }
        assertTrue(actions.contains("1:TMPrepare"), actions.toString());
        assertTrue(actions.contains("3:RMVoteNo"), actions.toString());
        assertTrue(actions.contains("1:TMAbort"), actions.toString());
        assertTrue(actions.stream().noneMatch(a -> a.endsWith("TMCommit")), actions.toString());
    }

    /**
     * The book's lesson: the coordinator dies after asking for votes and never returns. The
     * participants that voted yes can neither commit nor abort; the run ends on its budget with
     * them still uncertain. This is the expected outcome of 2PC, reported, not a failure.
     */
    @Test
    void coordinatorCrashedForeverLeavesParticipantsUncertain() {
        for (boolean cooperative : List.of(false, true)) {
            FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(1, 1));
            Simulator<TwoPhaseMessage> sim = sim(11, Options.empty().with("cooperative", cooperative), plan, null);
            RunResult r = sim.run();
            List<RmState> states = new ArrayList<>();
            for (int id = 2; id <= 4; id++) {
                states.add(rm(sim, id));
            }
            System.out.println("twopc, coordinator crashed forever at tick 1, cooperative=" + cooperative
                    + ": run ended " + r.reason() + " at tick " + r.time() + ", participants " + states
                    + " (blocked, as 2PC must be)");
            assertTrue(r.reason() != StopReason.STOP_CONDITION);
            assertEquals(List.of(RmState.PREPARED, RmState.PREPARED, RmState.PREPARED), states);
        }
    }
}
