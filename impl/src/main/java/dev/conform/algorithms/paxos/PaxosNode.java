package dev.conform.algorithms.paxos;

import dev.conform.algorithms.raft.ClientCommand;
import dev.conform.algorithms.raft.StateMachine;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A Multi-Paxos server: proposer ({@link Proposer}), acceptor and learner ({@link Replica}) in
 * one. This class dispatches messages and timers, answers clients, applies chosen slots in order
 * and takes the step every ballot-carrying message shares: a ballot above the promise raises it,
 * and a leader of a lower ballot steps down. At a handler's end the durable state is persisted
 * once if it changed; the runtime makes it durable before the handler's messages leave.
 */
public final class PaxosNode implements Node<PaxosMessage> {
    static final String ELECTION_TIMER = "election";
    static final String HEARTBEAT_TIMER = "heartbeat";

    final PaxosConfig config;
    final List<Integer> servers;
    final Acceptor acceptor;
    final Learner learner;
    final Proposer proposer;
    final Replica replica;
    private final PaxosTraceState trace = new PaxosTraceState();
    /** The server believed to lead (0: unknown); a redirect's hint. */
    int leaderId;
    private List<Integer> peers;

    /**
     * @param servers   ids of all servers (clients excluded), ascending
     * @param store     the replicated service, empty; restored here from the snapshot
     * @param persisted the state persisted before a crash, or null for a fresh server
     */
    public PaxosNode(PaxosConfig config, List<Integer> servers, StateMachine store, PaxosPersistentState persisted) {
        this.config = config;
        this.servers = List.copyOf(servers);
        this.acceptor = new Acceptor(persisted == null ? PaxosPersistentState.initial() : persisted);
        this.learner = new Learner(store, acceptor.snapshotIndex(), acceptor.snapshot());
        this.proposer = new Proposer(this);
        this.replica = new Replica(this);
    }

    @Override
    public void onStart(Context<PaxosMessage> ctx) {
        proposer.stopLeading();
        leaderId = 0;
        ctx.cancelTimer(HEARTBEAT_TIMER);
        resetElectionTimer(ctx);
    }

    @Override
    public void onMessage(Context<PaxosMessage> ctx, int from, PaxosMessage msg) {
        if (msg instanceof PaxosMessage.Prepare m) {
            replica.handlePrepare(ctx, from, m);
        } else if (msg instanceof PaxosMessage.Promise m) {
            proposer.handlePromise(ctx, from, m);
        } else if (msg instanceof PaxosMessage.Accept m) {
            replica.handleAccept(ctx, from, m);
        } else if (msg instanceof PaxosMessage.Accepted m) {
            proposer.handleAccepted(ctx, from, m);
        } else if (msg instanceof PaxosMessage.Decide m) {
            replica.handleDecide(ctx, m);
        } else if (msg instanceof PaxosMessage.Heartbeat m) {
            replica.handleHeartbeat(ctx, from, m);
        } else if (msg instanceof PaxosMessage.CatchUp m) {
            proposer.handleCatchUp(ctx, from, m);
        } else if (msg instanceof PaxosMessage.InstallSnapshot m) {
            replica.handleInstallSnapshot(ctx, m);
        } else if (msg instanceof PaxosMessage.Nack m) {
            proposer.handleNack(ctx, m);
        } else if (msg instanceof PaxosMessage.ClientRequest r) {
            clientRequest(ctx, r);
        }
        // A ClientReply sent to a server is a misdirected message: nothing to do.
        acceptor.persistIfChanged(ctx);
    }

    @Override
    public void onTimer(Context<PaxosMessage> ctx, String timer) {
        if (ELECTION_TIMER.equals(timer) && !proposer.leading()) {
            proposer.startBallot(ctx);
        } else if (HEARTBEAT_TIMER.equals(timer) && proposer.leading()) {
            proposer.sendHeartbeat(ctx);
        }
        acceptor.persistIfChanged(ctx);
    }

    /**
     * RedirectClient when not leading; AnswerFromSession for a retry of an applied command;
     * otherwise Propose. Each delivered request is consumed by exactly one of the three.
     */
    private void clientRequest(Context<PaxosMessage> ctx, PaxosMessage.ClientRequest r) {
        StateMachine store = learner.store();
        if (!proposer.leading()) {
            record(ctx, "RedirectClient");
            ctx.send(r.clientId(), new PaxosMessage.ClientReply(r.seq(), false, null,
                    leaderId == ctx.self() ? 0 : leaderId));
        } else if (store.applied(r.clientId(), r.seq())) {
            record(ctx, "AnswerFromSession");
            ctx.send(r.clientId(), new PaxosMessage.ClientReply(r.seq(), true,
                    store.cachedResult(r.clientId(), r.seq()), ctx.self()));
        } else {
            proposer.propose(ctx, new ClientCommand(r.clientId(), r.seq(), r.op()).encode());
        }
    }

    /**
     * A message of ballot {@code b} was received: a ballot above the promise is promised (it is
     * the highest ballot seen, and promising more only forbids more), and a leader whose own
     * ballot is now below its promise steps down.
     */
    void observe(Context<PaxosMessage> ctx, long b) {
        if (b > acceptor.promised()) {
            acceptor.promise(b);
        }
        if (acceptor.ballot() < acceptor.promised()) {
            proposer.deposed();
            if (proposer.leading()) {
                proposer.stopLeading();
                ctx.cancelTimer(HEARTBEAT_TIMER);
                resetElectionTimer(ctx);
            }
        }
    }

    /** Apply, once per slot: applies the chosen prefix in order, answers clients when leading, snapshots when due. */
    void applyChosen(Context<PaxosMessage> ctx) {
        while (learner.canApply()) {
            String value = learner.applyNext();
            String result = Learner.NOOP.equals(value) ? null : learner.execute(value);
            record(ctx, "Apply");
            if (proposer.leading() && !Learner.NOOP.equals(value)) {
                ClientCommand c = ClientCommand.decode(value);
                ctx.send(c.clientId(), new PaxosMessage.ClientReply(c.seq(), true, result, ctx.self()));
            }
        }
        if (config.snapshotEvery() > 0 && learner.applied() - acceptor.snapshotIndex() >= config.snapshotEvery()) {
            long index = learner.applied();
            acceptor.snapshot(index, learner.store().snapshot());
            learner.truncate(index);
            proposer.truncate(index);
            record(ctx, "TakeSnapshot");
        }
    }

    /** The largest k with every slot up to k in the snapshot or known chosen. */
    long chosenUpTo() {
        long k = acceptor.snapshotIndex();
        while (learner.chosen().containsKey(k + 1)) {
            k++;
        }
        return k;
    }

    void resetElectionTimer(Context<PaxosMessage> ctx) {
        ctx.setTimer(ELECTION_TIMER, config.electionMinTicks(), config.electionMaxTicks());
    }

    /** Votes that choose a slot: a majority (the flaw minority-quorum: N/2 rounded down). */
    int quorum() {
        return config.has(PaxosFlaw.MINORITY_QUORUM) ? Math.max(1, servers.size() / 2) : servers.size() / 2 + 1;
    }

    /** Promises that complete phase 1: always a majority. */
    int phase1Quorum() {
        return servers.size() / 2 + 1;
    }

    /** The other servers (a node's id never changes, so computed once). */
    List<Integer> peers(Context<PaxosMessage> ctx) {
        if (peers == null) {
            List<Integer> p = new ArrayList<>(servers.size());
            for (int s : servers) {
                if (s != ctx.self()) {
                    p.add(s);
                }
            }
            peers = List.copyOf(p);
        }
        return peers;
    }

    void sendPeers(Context<PaxosMessage> ctx, PaxosMessage m) {
        for (int p : peers(ctx)) {
            ctx.send(p, m);
        }
    }

    /** Records the spec action with the state after it (see {@link PaxosTraceState}). */
    void record(Context<PaxosMessage> ctx, String action) {
        if (ctx.tracing()) {
            ctx.action(action, trace.of(this));
        }
    }

    // ---- views ---------------------------------------------------------------------------

    public PaxosPersistentState persistentState() {
        return acceptor.persistentState();
    }

    public boolean leading() {
        return proposer.leading();
    }

    public long ballot() {
        return acceptor.ballot();
    }

    public long promised() {
        return acceptor.promised();
    }

    public long applied() {
        return learner.applied();
    }

    public long snapshotIndex() {
        return acceptor.snapshotIndex();
    }

    public StateMachine store() {
        return learner.store();
    }
}
