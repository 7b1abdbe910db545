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
 * A resource manager. It votes when asked to prepare (the vote is logged before it leaves: a
 * handler that changed the state logs it once at its end, {@link #log}, and the runtime persists
 * before sending),
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
    /** What the log held at start (null: a fresh start). */
    private final RmState recoveredFrom;
    /** Durable: logged at the end of every handler that changes it. */
    private RmState state;
    /** What the log holds (null: nothing). */
    private RmState logged;

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
        this.recoveredFrom = TwoPhaseLog.participantState(persisted);
        this.logged = recoveredFrom;
        this.state = recoveredFrom == null ? RmState.WORKING : recoveredFrom;
    }

    @Override
    public void onStart(Context<TwoPhaseMessage> ctx) {
        start(ctx);
        log(ctx);
    }

    private void start(Context<TwoPhaseMessage> ctx) {
        if (recoveredFrom == null) {
            // WORKING is logged so that a later restart can tell "was working" from "never started".
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
        state = switch (recoveredFrom) {
            // The transaction's work in progress died with the process: abort it.
            case WORKING -> RmState.ABORTED;
            // The vote is a promise to the coordinator; the flaw breaks it.
            case PREPARED -> options.has(TwoPhaseFlaw.FORGET_VOTE_ON_RESTART) ? RmState.ABORTED : RmState.PREPARED;
            case COMMITTED, ABORTED -> recoveredFrom;
        };
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
        log(ctx);
    }

    @Override
    public void onTimer(Context<TwoPhaseMessage> ctx, String timer) {
        if (timer.equals(TwoPhaseTimers.PREPARE) && state == RmState.WORKING) {
            abortUnilaterally(ctx);
        } else if (timer.equals(TwoPhaseTimers.ASK) && state == RmState.PREPARED) {
            ask(ctx);
        }
        log(ctx);
    }

    /** Logs the state when the handler changed it; the runtime persists before sending. */
    private void log(Context<TwoPhaseMessage> ctx) {
        if (state != logged) {
            logged = state;
            ctx.persist(new TwoPhaseLog.Participant(state));
        }
    }

    private void onPrepare(Context<TwoPhaseMessage> ctx) {
        switch (state) {
            case WORKING -> {
                boolean yes = !options.voteNo().contains(self);
                // The vote is on disk before anyone can count it (log, at the handler's end).
                state = yes ? RmState.PREPARED : RmState.ABORTED;
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
            ctx.cancelTimer(TwoPhaseTimers.PREPARE);
        }
        record(ctx, "RMRcvDecisionRequest");
        ctx.send(from, new Decision(state == RmState.COMMITTED));
    }

    private void abortUnilaterally(Context<TwoPhaseMessage> ctx) {
        state = RmState.ABORTED;
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
