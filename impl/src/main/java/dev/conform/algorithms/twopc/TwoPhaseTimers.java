package dev.conform.algorithms.twopc;

/**
 * Timer names and the tick ranges asked of the runtime (which picks the actual values from its
 * seed). Each timer has a spec action it leads to.
 */
final class TwoPhaseTimers {
    private TwoPhaseTimers() {
    }

    /** Coordinator: votes did not all arrive in time, abort (TMAbort). */
    static final String VOTE = "vote";
    static final long VOTE_MIN = 40;
    static final long VOTE_MAX = 80;

    /** Coordinator: send the decision again to those that have not acknowledged (TMResend). */
    static final String RESEND = "resend";
    static final long RESEND_MIN = 20;
    static final long RESEND_MAX = 40;

    /** Participant: no Prepare came, abort unilaterally (RMAbort). */
    static final String PREPARE = "prepare";
    static final long PREPARE_MIN = 100;
    static final long PREPARE_MAX = 200;

    /** Participant: still uncertain, ask for the decision (RMAsk). */
    static final String ASK = "ask";
    static final long ASK_MIN = 20;
    static final long ASK_MAX = 40;

    /** Client: no answer yet, ask the coordinator again (ClientAsk). */
    static final String RETRY = "retry";
    static final long RETRY_MIN = 30;
    static final long RETRY_MAX = 60;
}
