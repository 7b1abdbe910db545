package dev.conform.algorithms.twopc;

import dev.conform.algorithms.twopc.TwoPhaseMessage.ClientReply;
import dev.conform.algorithms.twopc.TwoPhaseMessage.ClientRequest;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.List;
import java.util.Map;

/**
 * The application waiting for the transaction's outcome. It asks the coordinator when it starts
 * and again on a timer until the coordinator answers (a coordinator answers only once it has
 * logged a decision), and records what it was told: {@code ClientAsk} and
 * {@code ClientRcvReply} of {@code TwoPhase.tla}, with the spec variable {@code outcome}
 * ({@code clientOutcome[c]}). It never persists and takes no part in the protocol.
 */
public final class TwoPhaseClient implements Node<TwoPhaseMessage> {
    private static final String NONE = "none";

    private final int coordinator;
    private String outcome = NONE;

    /** @param servers the server ids; the lowest is the coordinator */
    public TwoPhaseClient(List<Integer> servers) {
        this.coordinator = TwoPhaseNodes.coordinatorOf(servers);
    }

    @Override
    public void onStart(Context<TwoPhaseMessage> ctx) {
        ask(ctx);
    }

    @Override
    public void onMessage(Context<TwoPhaseMessage> ctx, int from, TwoPhaseMessage msg) {
        if (msg instanceof ClientReply r && from == coordinator) {
            outcome = r.commit() ? RmState.COMMITTED.specName() : RmState.ABORTED.specName();
            ctx.cancelTimer(TwoPhaseTimers.RETRY);
            record(ctx, "ClientRcvReply");
        }
    }

    @Override
    public void onTimer(Context<TwoPhaseMessage> ctx, String timer) {
        if (timer.equals(TwoPhaseTimers.RETRY) && NONE.equals(outcome)) {
            ask(ctx);
        }
    }

    private void ask(Context<TwoPhaseMessage> ctx) {
        record(ctx, "ClientAsk");
        ctx.send(coordinator, new ClientRequest());
        ctx.setTimer(TwoPhaseTimers.RETRY, TwoPhaseTimers.RETRY_MIN, TwoPhaseTimers.RETRY_MAX);
    }

    private void record(Context<TwoPhaseMessage> ctx, String action) {
        if (ctx.tracing()) {
            ctx.action(action, Map.of("outcome", outcome));
        }
    }

    /** "none" until the coordinator answered, then "committed" or "aborted". */
    public String outcome() {
        return outcome;
    }
}
