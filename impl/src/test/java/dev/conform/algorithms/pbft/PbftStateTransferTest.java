package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pbft.PbftMessage.Checkpoint;
import dev.conform.algorithms.pbft.PbftMessage.StateReply;
import dev.conform.algorithms.pbft.PbftMessage.StateRequest;
import dev.conform.algorithms.raft.ClientCommand;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.runtime.sim.SteppedSimulator;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * State transfer: a replica cut off while the others checkpoint past its log window catches up
 * by installing a certified snapshot, so the run completes; a StateReply whose snapshot is not
 * the certified state, or that the replica never asked for, is Ignore.
 */
class PbftStateTransferTest {
    /** Replica 4 isolated from tick 10 to 900: the others execute the workload's first 12 seqs without it. */
    static final FaultPlan ISOLATE_4 = FaultPlan.of(new FaultEvent.Isolate(10, 4), new FaultEvent.Heal(900));
    static final Options OPTIONS = Options.empty().with("clients", 2).with("ops", 10).with("checkpointEvery", 2)
            .with("window", 4);

    @Test
    void aReplicaIsolatedWhileTheOthersCheckpointPastItInstallsStateAndTheRunCompletes() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(4, 1).withNet(NetSemantics.UNRELIABLE).withMaxSteps(20_000).withOptions(OPTIONS);
        RunResult r = new Simulator<>(new PbftAlgorithm(), cfg, ISOLATE_4, sink).run();
        assertEquals(StopReason.STOP_CONDITION, r.reason(), r.toString());
        List<TraceEvent> installs = sink.of(EventKind.ACTION).stream()
                .filter(e -> "InstallState".equals(e.action())).toList();
        assertFalse(installs.isEmpty(), "replica 4 installed state");
        assertTrue(installs.stream().allMatch(e -> e.node() == 4), "only the isolated replica installs");
        assertTrue(sink.of(EventKind.ACTION).stream().anyMatch(e -> e.node() == 4 && "RequestState".equals(e.action())));
        ReplayResult v = Verdicts.judge(sink);
        assertTrue(v.conforms(), Verdicts.describe(v));
    }

    /** On a reliable network without faults no replica falls behind: no state timer, no state transfer. */
    @Test
    void noReplicaFallsBehindWithoutFaultsSoNoStateIsTransferred() {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(4, 1).withNet(NetSemantics.RELIABLE).withMaxSteps(20_000).withOptions(OPTIONS);
        new Simulator<>(new PbftAlgorithm(), cfg, FaultPlan.none(), sink).run();
        assertTrue(sink.of(EventKind.ACTION).stream().noneMatch(e -> e.action().contains("State")));
        assertTrue(sink.of(EventKind.TIMER).stream().noneMatch(e -> StateTransfer.STATE_TIMER.equals(e.action())));
    }

    /** Scripted replicas 1..4 (keys from seed 5): replica 4 learns a certificate for seq 4 and asks for it. */
    private static final class Behind {
        final List<String> actions = new ArrayList<>();
        final SteppedSimulator<PbftMessage> sim;
        final long keySeed;
        final String snapshot;
        final String state;
        final List<Checkpoint> proof = new ArrayList<>();

        Behind() {
            PbftAlgorithm algo = new PbftAlgorithm();
            Options o = algo.resolveOptions(Options.empty(), 5);
            keySeed = PbftOptions.resolved(o).keySeed();
            sim = new SteppedSimulator<>(algo, 4, o, new SteppedSimulator.Listener<>() {
                @Override
                public void action(int node, String name, Object st) {
                    if (node == 4) {
                        actions.add(name);
                    }
                }
            });
            KvStateMachine kv = new KvStateMachine();
            for (int i = 1; i <= 4; i++) {
                kv.apply(new ClientCommand(101, i, "put k v" + i).encode());
            }
            snapshot = kv.snapshot();
            state = Digests.state(snapshot);
            for (int j = 1; j <= 3; j++) {
                Checkpoint c = sign(j, new Checkpoint(4, state, j, null));
                proof.add(c);
                sim.deliver(sim.inject(900, 4, c));
            }
        }

        <T extends PbftMessage> T sign(int as, T statement) {
            return Keys.signer(keySeed, as).sign(statement);
        }

        PbftReplica replica() {
            return (PbftReplica) sim.node(4);
        }

        List<String> deliver(PbftMessage m) {
            int before = actions.size();
            sim.deliver(sim.inject(900, 4, m));
            return List.copyOf(actions.subList(before, actions.size()));
        }
    }

    @Test
    void aCertifiedSnapshotIsInstalledOnlyAfterTheReplicaAskedAndOnlyWithTheCertifiedDigest() {
        Behind b = new Behind();
        StateReply honest = b.sign(3, new StateReply(4, b.state, b.proof, b.snapshot, 3, null));
        assertEquals(List.of("Ignore"), b.deliver(honest), "not asked for yet");
        assertTrue(b.sim.timers(4).containsKey(StateTransfer.STATE_TIMER), "behind a certificate: the state timer runs");

        int before = b.actions.size();
        assertTrue(b.sim.fire(4, StateTransfer.STATE_TIMER));
        assertEquals(List.of("RequestState"), b.actions.subList(before, b.actions.size()));
        assertTrue(b.sim.inFlight().stream().anyMatch(m -> m.from() == 4 && m.msg() instanceof StateRequest q
                && q.seq() == 4));

        StateReply wrongSnapshot = b.sign(3, new StateReply(4, b.state, b.proof,
                "{\"data\":{\"lie\":\"1\"},\"sessions\":{}}", 3, null));
        assertEquals(List.of("Ignore"), b.deliver(wrongSnapshot), "snapshot does not hash to the certified state");
        StateReply shortProof = b.sign(3, new StateReply(4, b.state, b.proof.subList(0, 2), b.snapshot, 3, null));
        assertEquals(List.of("Ignore"), b.deliver(shortProof), "2f Checkpoints certify nothing");
        assertEquals(0, b.replica().executed());

        assertEquals(List.of("InstallState"), b.deliver(honest));
        assertEquals(4, b.replica().executed());
        assertEquals(4, b.replica().stableCheckpoint());
        assertEquals("v4", b.replica().store().read("k"));
        assertFalse(b.sim.timers(4).containsKey(StateTransfer.STATE_TIMER), "caught up: the state timer is off");
        assertEquals(List.of("Ignore"), b.deliver(honest), "not above executed any more");
    }

    /**
     * Replica 3 is Byzantine (wrong-reply: StateReplies with a snapshot that is not the certified
     * state) while replica 4 is cut off: 4 Ignores 3's wrong reply, installs an honest one, and the
     * run completes and conforms.
     */
    @Test
    void aByzantineStateReplyWithAWrongSnapshotIsIgnored() {
        FaultPlan plan = FaultPlan.of(new FaultEvent.Byzantine(0, 3, List.of("wrong-reply")),
                new FaultEvent.Isolate(10, 4), new FaultEvent.Heal(900));
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(4, 1).withNet(NetSemantics.UNRELIABLE).withMaxSteps(20_000).withOptions(OPTIONS);
        RunResult r = new Simulator<>(new PbftAlgorithm(), cfg, plan, sink).run();
        assertEquals(StopReason.STOP_CONDITION, r.reason(), r.toString());
        List<Long> wrong = new ArrayList<>();
        for (TraceEvent e : sink.of(EventKind.SEND)) {
            if (e.node() == 3 && e.msg().body() instanceof StateReply sr && !sr.state().equals(Digests.state(sr.snapshot()))) {
                wrong.add(e.msg().id());
            }
        }
        assertFalse(wrong.isEmpty(), "replica 3 sent a StateReply with a wrong snapshot");
        List<TraceEvent> events = sink.events;
        int consumed = 0;
        for (int i = 0; i < events.size() - 1; i++) {
            TraceEvent e = events.get(i);
            if (e.kind() == EventKind.DELIVER && wrong.contains(e.msg().id())) {
                TraceEvent next = events.get(i + 1);
                assertEquals("Ignore", next.action(), "replica " + e.node() + " on the wrong snapshot");
                consumed++;
            }
        }
        assertTrue(consumed > 0, "a wrong snapshot was delivered");
        assertTrue(sink.of(EventKind.ACTION).stream().anyMatch(e -> e.node() == 4 && "InstallState".equals(e.action())));
        ReplayResult v = Verdicts.judge(sink);
        assertTrue(v.conforms(), Verdicts.describe(v));
    }
}
