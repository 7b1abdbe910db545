package dev.conform.algorithms.raft;

import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Raft server: dispatches messages and timers to {@link Election} and {@link Replication}, and
 * takes the one step both share, UpdateTerm. Each part owns its state: {@link DurableState} the
 * term, vote and log; Election the role, known leader and votes; Replication the leader's
 * indices, the commit and applied indices and the state machine. A handler changes the state,
 * records the spec action and sends; at its end the durable state is persisted once if it
 * changed, and the runtime makes it durable before any of the handler's messages leaves.
 */
public final class RaftNode implements Node<RaftMessage> {
    static final String ELECTION_TIMER = "election";
    static final String HEARTBEAT_TIMER = "heartbeat";

    final RaftConfig config;
    private final List<Integer> servers;
    private final DurableState durable;
    final Election election;
    final Replication replication;
    private final RaftTraceState trace;
    private List<Integer> peers;

    /**
     * @param servers      ids of all servers of the cluster (clients excluded)
     * @param stateMachine the replicated service, empty; restored here from the snapshot
     * @param persisted    the state persisted before a crash, or null for a fresh server
     */
    public RaftNode(RaftConfig config, List<Integer> servers, StateMachine stateMachine,
                    RaftPersistentState persisted) {
        this.config = config;
        this.servers = List.copyOf(servers);
        this.durable = new DurableState(persisted == null ? RaftPersistentState.initial() : persisted);
        RaftFlaws flaws = RaftFlaws.of(config);
        this.election = new Election(this, durable, flaws);
        this.replication = new Replication(this, durable, flaws, stateMachine);
        this.trace = new RaftTraceState(durable.log());
    }

    @Override
    public void onStart(Context<RaftMessage> ctx) {
        election.stepDown();
        replication.stopLeading();
        ctx.cancelTimer(HEARTBEAT_TIMER);
        resetElectionTimer(ctx);
    }

    @Override
    public void onMessage(Context<RaftMessage> ctx, int from, RaftMessage msg) {
        if (msg instanceof RaftMessage.ServerMessage m) {
            if (m.term() > durable.currentTerm()) {
                updateTerm(ctx, m.term());
            }
            handle(ctx, from, m);
        } else if (msg instanceof RaftMessage.ClientRequest r) {
            replication.clientRequest(ctx, r);
        }
        // A ClientReply sent to a server is a misdirected message: nothing to do.
        durable.persistIfChanged(ctx);
    }

    /** One handler per server message (Java 17: switch patterns are still a preview feature). */
    private void handle(Context<RaftMessage> ctx, int from, RaftMessage.ServerMessage msg) {
        if (msg instanceof RaftMessage.RequestVote m) {
            election.handleRequestVote(ctx, from, m);
        } else if (msg instanceof RaftMessage.RequestVoteResponse m) {
            election.handleRequestVoteResponse(ctx, from, m);
        } else if (msg instanceof RaftMessage.AppendEntries m) {
            replication.handleAppendEntries(ctx, from, m);
        } else if (msg instanceof RaftMessage.AppendEntriesResponse m) {
            replication.handleAppendEntriesResponse(ctx, from, m);
        } else if (msg instanceof RaftMessage.InstallSnapshot m) {
            replication.handleInstallSnapshot(ctx, from, m);
        } else if (msg instanceof RaftMessage.InstallSnapshotResponse m) {
            replication.handleInstallSnapshotResponse(ctx, from, m);
        }
    }

    @Override
    public void onTimer(Context<RaftMessage> ctx, String timer) {
        if (ELECTION_TIMER.equals(timer)) {
            election.timeout(ctx);
        } else if (HEARTBEAT_TIMER.equals(timer) && role() == Role.Leader) {
            replication.broadcastAppend(ctx);
            ctx.setTimer(HEARTBEAT_TIMER, config.heartbeatTicks(), config.heartbeatTicks());
        }
        durable.persistIfChanged(ctx);
    }

    // ---- shared steps ------------------------------------------------------------------

    /** Spec action UpdateTerm: a message with a higher term makes this server a follower of it. */
    private void updateTerm(Context<RaftMessage> ctx, long term) {
        boolean wasLeader = role() == Role.Leader;
        durable.updateTerm(term);
        election.stepDown();
        replication.stopLeading();
        record(ctx, "UpdateTerm");
        if (wasLeader) {
            ctx.cancelTimer(HEARTBEAT_TIMER);
            resetElectionTimer(ctx);
        }
    }

    void resetElectionTimer(Context<RaftMessage> ctx) {
        ctx.setTimer(ELECTION_TIMER, config.electionMinTicks(), config.electionMaxTicks());
    }

    int quorum() {
        return servers.size() / 2 + 1;
    }

    /** The other servers, computed once (a node's id never changes). */
    List<Integer> peers(Context<RaftMessage> ctx) {
        List<Integer> p = peers;
        if (p == null) {
            List<Integer> list = new ArrayList<>(servers.size());
            for (int s : servers) {
                if (s != ctx.self()) {
                    list.add(s);
                }
            }
            p = List.copyOf(list);
            peers = p;
        }
        return p;
    }

    /** Records the spec action with the state after it (see {@link RaftTraceState}). */
    void record(Context<RaftMessage> ctx, String action) {
        if (ctx.tracing()) {
            ctx.action(action, trace.of(this));
        }
    }

    // ---- views -------------------------------------------------------------------------

    /** The durable part of the state, as persisted. */
    public RaftPersistentState persistentState() {
        return durable.persistentState();
    }

    public Role role() {
        return election.role();
    }

    public long currentTerm() {
        return durable.currentTerm();
    }

    public int votedFor() {
        return durable.votedFor();
    }

    public long commitIndex() {
        return replication.commitIndex();
    }

    public long lastApplied() {
        return replication.lastApplied();
    }

    public long lastLogIndex() {
        return durable.log().lastIndex();
    }

    public long snapshotIndex() {
        return durable.log().snapshotIndex();
    }

    /** The known leader, 0 when unknown. */
    public int leaderId() {
        return election.leaderId();
    }

    /** The entry at {@code index} (after the snapshot). */
    public LogEntry entry(long index) {
        return durable.log().get(index);
    }

    /** Term at an index: 0 at index 0, -1 when compacted away or beyond the end. */
    public long termAt(long index) {
        return durable.log().termAt(index);
    }

    public StateMachine stateMachine() {
        return replication.stateMachine();
    }

    RaftLog log() {
        return durable.log();
    }

    /** A leader's matchIndex per other server (empty when not leading). */
    Map<Integer, Long> matchIndex() {
        return replication.matchIndex();
    }

    /** A leader's nextIndex per other server (empty when not leading). */
    Map<Integer, Long> nextIndex() {
        return replication.nextIndex();
    }
}
