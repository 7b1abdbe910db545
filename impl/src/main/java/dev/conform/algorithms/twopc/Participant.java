package dev.conform.algorithms.twopc;

import dev.conform.algorithms.twopc.TwoPhaseMessage.Ack;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Decision;
import dev.conform.algorithms.twopc.TwoPhaseMessage.DecisionRequest;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Prepare;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Vote;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resource manager. It votes when asked to prepare (logging the vote before sending it),
 * may abort unilaterally until it has voted yes, and once it has voted yes is uncertain: it
 * must learn the outcome from the coordinator, or under cooperative termination from a peer,
 * and asks for it on a timer until it does. Every state change is recorded with
 * {@code ctx.action} under the name of the matching action of {@code TwoPhase.tla}.
 */
public final class Participant implements Node<TwoPhaseMessage> {
    private final int self;
    private final int coordinator;
    private final List<Integer> peers;
    private final TwoPhaseOptions options;
    private final RmState logged;
    private RmState state;

    /**
     * @param nodes all node ids; the lowest is the coordinator
     * @param persisted the log left by an earlier incarnation, or null on a fresh start
     */
    public Participant(int self, List<Integer> nodes, Object persisted, TwoPhaseOptions options) {
        this.self = self;
        this.coordinator = TwoPhaseNodes.coordinatorOf(nodes);
        List<Integer> others = new ArrayList<>(nodes);
        others.remove(Integer.valueOf(self));
        others.remove(Integer.valueOf(coordinator));
        this.peers = List.copyOf(others);
        this.options = options;
        this.logged = TwoPhaseLog.participantState(persisted);
        this.state = logged == null ? RmState.WORKING : logged;
    }

    @Override
    public void onStart(Context<TwoPhaseMessage> ctx) {
        if (logged == null) {
            // Written so that a later restart can tell "was working" from "never started".
            ctx.persist(new TwoPhaseLog.Participant(RmState.WORKING));
            if (options.abortEarly().contains(self)) {
                abortUnilaterally(ctx);
            } else {
                ctx.setTimer(TwoPhaseTimers.PREPARE, TwoPhaseTimers.PREPARE_MIN, TwoPhaseTimers.PREPARE_MAX);
            }
            return;
        }
        recover(ctx);
    }

    private void recover(Context<TwoPhaseMessage> ctx) {
        RmState recovered = switch (logged) {
            // The transaction's work in progress died with the process: abort it.
            case WORKING -> RmState.ABORTED;
            // The vote is a promise to the coordinator; the flaw breaks it.
            case PREPARED -> options.has(TwoPhaseFlaw.FORGET_VOTE_ON_RESTART) ? RmState.ABORTED : RmState.PREPARED;
            case COMMITTED, ABORTED -> logged;
        };
        state = recovered;
        if (recovered != logged) {
            ctx.persist(new TwoPhaseLog.Participant(state));
        }
        record(ctx, "RMRestart");
        if (state == RmState.PREPARED) {
            ask(ctx);
        }
    }

    @Override
    public void onMessage(Context<TwoPhaseMessage> ctx, int from, TwoPhaseMessage msg) {
        if (msg instanceof Prepare && from == coordinator) {
            onPrepare(ctx);
        } else if (msg instanceof Decision d) {
            onDecision(ctx, d.commit());
        } else if (msg instanceof DecisionRequest && peers.contains(from)) {
            onPeerRequest(ctx, from);
        }
        // Votes, acks and requests from elsewhere are not for a participant: ignored.
    }

    @Override
    public void onTimer(Context<TwoPhaseMessage> ctx, String timer) {
        if (timer.equals(TwoPhaseTimers.PREPARE) && state == RmState.WORKING) {
            abortUnilaterally(ctx);
        } else if (timer.equals(TwoPhaseTimers.ASK) && state == RmState.PREPARED) {
            ask(ctx);
        }
    }

    private void onPrepare(Context<TwoPhaseMessage> ctx) {
        switch (state) {
            case WORKING -> {
                boolean yes = !options.voteNo().contains(self);
                state = yes ? RmState.PREPARED : RmState.ABORTED;
                // The vote is on disk before anyone can count it.
                ctx.persist(new TwoPhaseLog.Participant(state));
                ctx.cancelTimer(TwoPhaseTimers.PREPARE);
                record(ctx, yes ? "RMVoteYes" : "RMVoteNo");
                ctx.send(coordinator, new Vote(yes));
                if (yes) {
                    ctx.setTimer(TwoPhaseTimers.ASK, TwoPhaseTimers.ASK_MIN, TwoPhaseTimers.ASK_MAX);
                }
            }
            case PREPARED -> {
                record(ctx, "RMVoteYes");
                ctx.send(coordinator, new Vote(true));
            }
            case ABORTED -> {
                record(ctx, "RMVoteNo");
                ctx.send(coordinator, new Vote(false));
            }
            case COMMITTED -> {
                // A stale Prepare (a duplicate): this participant did vote yes, and says so again.
                record(ctx, "RMVoteYes");
                ctx.send(coordinator, new Vote(true));
            }
        }
    }

    private void onDecision(Context<TwoPhaseMessage> ctx, boolean commit) {
        if (!state.decided()) {
            state = commit ? RmState.COMMITTED : RmState.ABORTED;
            ctx.persist(new TwoPhaseLog.Participant(state));
            ctx.cancelTimer(TwoPhaseTimers.PREPARE);
            ctx.cancelTimer(TwoPhaseTimers.ASK);
        }
        // Acknowledge every copy: the coordinator resends until it hears an Ack.
        record(ctx, "RMRcvDecision");
        ctx.send(coordinator, new Ack());
    }

    private void onPeerRequest(Context<TwoPhaseMessage> ctx, int from) {
        if (state == RmState.PREPARED) {
            record(ctx, "RMRcvDecisionRequest");
            return; // uncertain too: nothing to tell
        }
        if (state == RmState.WORKING) {
            // Not having voted, this node can still veto: abort and say so.
            state = RmState.ABORTED;
            ctx.persist(new TwoPhaseLog.Participant(state));
            ctx.cancelTimer(TwoPhaseTimers.PREPARE);
        }
        record(ctx, "RMRcvDecisionRequest");
        ctx.send(from, new Decision(state == RmState.COMMITTED));
    }

    private void abortUnilaterally(Context<TwoPhaseMessage> ctx) {
        state = RmState.ABORTED;
        ctx.persist(new TwoPhaseLog.Participant(state));
        ctx.cancelTimer(TwoPhaseTimers.PREPARE);
        record(ctx, "RMAbort");
    }

    private void ask(Context<TwoPhaseMessage> ctx) {
        record(ctx, "RMAsk");
        ctx.send(coordinator, new DecisionRequest());
        if (options.cooperative()) {
            for (int p : peers) {
                ctx.send(p, new DecisionRequest());
            }
        }
        ctx.setTimer(TwoPhaseTimers.ASK, TwoPhaseTimers.ASK_MIN, TwoPhaseTimers.ASK_MAX);
    }

    private void record(Context<TwoPhaseMessage> ctx, String action) {
        if (ctx.tracing()) {
            ctx.action(action, specState());
        }
    }

    /** The spec variable this node owns: rmState. */
    public Map<String, Object> specState() {
        return Map.of("rmState", state.specName());
    }

    public RmState state() {
        return state;
    }

    /** True while this participant has voted yes and does not know the outcome. */
    public boolean uncertain() {
        return state == RmState.PREPARED;
    }
}
