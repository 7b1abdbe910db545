package dev.conform.algorithms.twopc;

import dev.conform.algorithms.twopc.TwoPhaseMessage.Ack;
import dev.conform.algorithms.twopc.TwoPhaseMessage.ClientReply;
import dev.conform.algorithms.twopc.TwoPhaseMessage.ClientRequest;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Decision;
import dev.conform.algorithms.twopc.TwoPhaseMessage.DecisionRequest;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Prepare;
import dev.conform.algorithms.twopc.TwoPhaseMessage.Vote;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The transaction manager. It starts the one transaction of the run when it first starts,
 * collects the votes, decides, logs the decision, and keeps telling it until every participant
 * has acknowledged. Every state is durable: a handler that changed it logs it once at its end
 * ({@link #log}), and the runtime writes the log before any message of that handler leaves, so
 * nobody hears of a decision that a crash could lose. Every state change is recorded with
 * {@code ctx.action} under the name of the matching action of {@code TwoPhase.tla}.
 */
public final class Coordinator implements Node<TwoPhaseMessage> {
    private final TwoPhaseOptions options;
    private final List<Integer> participants;
    /** Durable: logged at the end of every handler that changes it (INIT = nothing yet). */
    private TmState state;
    /** What the log holds (null: nothing). */
    private TmState logged;
    /** Volatile: lost in a crash. */
    private final SortedSet<Integer> prepared = new TreeSet<>();
    private final SortedSet<Integer> acked = new TreeSet<>();
    private final boolean recovering;

    /**
     * @param nodes all node ids, the coordinator's (the lowest) first
     * @param persisted the log left by an earlier incarnation, or null on a fresh start
     */
    public Coordinator(int self, List<Integer> nodes, Object persisted, TwoPhaseOptions options) {
        this.options = options;
        List<Integer> others = new ArrayList<>(nodes);
        others.remove(Integer.valueOf(self));
        this.participants = List.copyOf(others);
        this.logged = TwoPhaseLog.coordinatorState(persisted);
        this.recovering = logged != null;
        this.state = logged == null ? TmState.INIT : logged;
    }

    @Override
    public void onStart(Context<TwoPhaseMessage> ctx) {
        start(ctx);
        log(ctx);
    }

    private void start(Context<TwoPhaseMessage> ctx) {
        if (!recovering) {
            // "Begun" is logged: a coordinator that restarts must know it owes an outcome.
            state = TmState.WAITING;
            record(ctx, "TMPrepare");
            for (int r : participants) {
                ctx.send(r, new Prepare());
            }
            if (!options.has(TwoPhaseFlaw.NEVER_TIMES_OUT)) {
                ctx.setTimer(TwoPhaseTimers.VOTE, TwoPhaseTimers.VOTE_MIN, TwoPhaseTimers.VOTE_MAX);
            }
            return;
        }
        if (state == TmState.WAITING) {
            // Begun but undecided: the votes were volatile, so the only safe outcome is abort.
            state = TmState.ABORTED;
        }
        record(ctx, "TMRestart");
        announce(ctx, participants);
    }

    @Override
    public void onMessage(Context<TwoPhaseMessage> ctx, int from, TwoPhaseMessage msg) {
        if (msg instanceof Vote v) {
            onVote(ctx, from, v.yes());
        } else if (msg instanceof Ack) {
            onAck(ctx, from);
        } else if (msg instanceof DecisionRequest) {
            onDecisionRequest(ctx, from);
        } else if (msg instanceof ClientRequest) {
            onClientRequest(ctx, from);
        }
        // Prepare and Decision are never addressed to the coordinator: ignored.
        log(ctx);
    }

    @Override
    public void onTimer(Context<TwoPhaseMessage> ctx, String timer) {
        if (timer.equals(TwoPhaseTimers.VOTE) && state == TmState.WAITING) {
            decide(ctx, false);
        } else if (timer.equals(TwoPhaseTimers.RESEND) && state.decided()) {
            List<Integer> missing = unacknowledged();
            if (!missing.isEmpty()) {
                record(ctx, "TMResend");
                announce(ctx, missing);
            }
        }
        log(ctx);
    }

    /** Logs the state when the handler changed it; the runtime persists before sending. */
    private void log(Context<TwoPhaseMessage> ctx) {
        if (state != logged) {
            logged = state;
            ctx.persist(new TwoPhaseLog.Coordinator(state));
        }
    }

    /** Every vote is recorded as handled; only a yes vote while waiting counts. */
    private void onVote(Context<TwoPhaseMessage> ctx, int from, boolean yes) {
        if (!participants.contains(from)) {
            return; // never sent by the implementation
        }
        if (state == TmState.WAITING && yes) {
            prepared.add(from);
        }
        record(ctx, "TMRcvVote");
        if (state != TmState.WAITING) {
            return; // late or repeated vote: the decision is already out
        }
        if (!yes) {
            decide(ctx, false);
        } else if (commitReady()) {
            decide(ctx, true);
        }
    }

    private boolean commitReady() {
        if (options.has(TwoPhaseFlaw.COMMIT_BEFORE_ALL_VOTES)) {
            return !prepared.isEmpty();
        }
        return prepared.containsAll(participants);
    }

    /** Decides and announces: the decision is logged before the announcement leaves ({@link #log}). */
    private void decide(Context<TwoPhaseMessage> ctx, boolean commit) {
        state = commit ? TmState.COMMITTED : TmState.ABORTED;
        ctx.cancelTimer(TwoPhaseTimers.VOTE);
        record(ctx, commit ? "TMCommit" : "TMAbort");
        announce(ctx, participants);
    }

    private void announce(Context<TwoPhaseMessage> ctx, List<Integer> to) {
        if (!state.decided()) {
            return;
        }
        for (int r : to) {
            ctx.send(r, new Decision(state == TmState.COMMITTED));
        }
        ctx.setTimer(TwoPhaseTimers.RESEND, TwoPhaseTimers.RESEND_MIN, TwoPhaseTimers.RESEND_MAX);
    }

    private void onAck(Context<TwoPhaseMessage> ctx, int from) {
        if (!participants.contains(from)) {
            return; // never sent by the implementation
        }
        if (state.decided()) {
            acked.add(from);
        }
        record(ctx, "TMRcvAck");
        if (state.decided() && unacknowledged().isEmpty()) {
            ctx.cancelTimer(TwoPhaseTimers.RESEND);
        }
    }

    /** Still collecting votes, the coordinator stays silent: the asker will ask again. */
    private void onDecisionRequest(Context<TwoPhaseMessage> ctx, int from) {
        if (!participants.contains(from)) {
            return; // never sent by the implementation
        }
        record(ctx, "TMRcvDecisionRequest");
        if (state.decided()) {
            ctx.send(from, new Decision(state == TmState.COMMITTED));
        }
    }

    /** A client asks for the outcome: the logged decision, or silence while undecided. */
    private void onClientRequest(Context<TwoPhaseMessage> ctx, int from) {
        record(ctx, "TMRcvClientRequest");
        if (state.decided()) {
            ctx.send(from, new ClientReply(state == TmState.COMMITTED));
        }
    }

    private List<Integer> unacknowledged() {
        List<Integer> out = new ArrayList<>();
        for (int r : participants) {
            if (!acked.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private void record(Context<TwoPhaseMessage> ctx, String action) {
        if (ctx.tracing()) {
            ctx.action(action, specState());
        }
    }

    /** The spec variables this node owns: tmState, tmPrepared, tmAcked. */
    public Map<String, Object> specState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("tmState", state.specName());
        s.put("tmPrepared", List.copyOf(prepared));
        s.put("tmAcked", List.copyOf(acked));
        return s;
    }

    public TmState state() {
        return state;
    }

    /** The participants whose yes vote this incarnation has counted. */
    public SortedSet<Integer> prepared() {
        return new TreeSet<>(prepared);
    }

    /** The participants that acknowledged the decision to this incarnation. */
    public SortedSet<Integer> acked() {
        return new TreeSet<>(acked);
    }
}
