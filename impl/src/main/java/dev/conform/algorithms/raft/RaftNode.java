package dev.conform.algorithms.raft;

import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.tracing.FieldMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Raft server: holds the server's state and dispatches messages and timers to
 * {@link Election} and {@link Replication}. Every handler follows one discipline: change the
 * state, record the spec action, persist, and only then send (see {@link #send}).
 */
public final class RaftNode implements Node<RaftMessage> {
    static final String ELECTION_TIMER = "election";
    static final String HEARTBEAT_TIMER = "heartbeat";

    final RaftConfig config;
    final List<Integer> servers;
    final StateMachine stateMachine;

    // Persistent state (section 5 of the paper, plus the snapshot in the log).
    long currentTerm;
    int votedFor;
    final RaftLog log;

    // Volatile state.
    Role role = Role.Follower;
    long commitIndex;
    long lastApplied;
    int leaderId;
    final Set<Integer> votesGranted = new HashSet<>();
    final Map<Integer, Long> nextIndex = new TreeMap<>();
    final Map<Integer, Long> matchIndex = new TreeMap<>();

    private boolean dirty;
    private List<Integer> peers;
    /**
     * {@link RaftLog#version()} when the log was last recorded: an action records the log only
     * when it changed it. A new server starts in step with its log (empty, or the restored one
     * that the restart event records).
     */
    private long recordedLogVersion;
    private final Election election = new Election(this);
    final Replication replication = new Replication(this);

    /**
     * @param servers      ids of all servers of the cluster (clients excluded)
     * @param stateMachine the replicated service, empty; restored here from the snapshot
     * @param persisted    the state persisted before a crash, or null for a fresh server
     */
    public RaftNode(RaftConfig config, List<Integer> servers, StateMachine stateMachine,
                    RaftPersistentState persisted) {
        this.config = config;
        this.servers = List.copyOf(servers);
        this.stateMachine = stateMachine;
        RaftPersistentState p = persisted == null ? RaftPersistentState.initial() : persisted;
        this.currentTerm = p.currentTerm();
        this.votedFor = p.votedFor();
        this.log = new RaftLog(p.snapshotIndex(), p.snapshotTerm(), p.snapshotData(), p.log());
        stateMachine.restore(p.snapshotData());
        this.commitIndex = p.snapshotIndex();
        this.lastApplied = p.snapshotIndex();
        this.recordedLogVersion = log.version();
    }

    @Override
    public void onStart(Context<RaftMessage> ctx) {
        role = Role.Follower;
        leaderId = 0;
        votesGranted.clear();
        nextIndex.clear();
        matchIndex.clear();
        ctx.cancelTimer(HEARTBEAT_TIMER);
        resetElectionTimer(ctx);
    }

    @Override
    public void onMessage(Context<RaftMessage> ctx, int from, RaftMessage msg) {
        if (msg instanceof RaftMessage.ClientRequest r) {
            replication.clientRequest(ctx, r);
        } else {
            long term = termOf(msg);
            if (term > currentTerm) {
                updateTerm(ctx, term);
            }
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
            // A ClientReply sent to a server is a misdirected message: nothing to do.
        }
        flush(ctx);
    }

    @Override
    public void onTimer(Context<RaftMessage> ctx, String timer) {
        if (ELECTION_TIMER.equals(timer)) {
            election.timeout(ctx);
        } else if (HEARTBEAT_TIMER.equals(timer) && role == Role.Leader) {
            replication.broadcastAppend(ctx);
            ctx.setTimer(HEARTBEAT_TIMER, config.heartbeatTicks(), config.heartbeatTicks());
        }
        flush(ctx);
    }

    // ---- shared steps ------------------------------------------------------------------

    /** Spec action UpdateTerm: a message with a higher term makes this server a follower of it. */
    void updateTerm(Context<RaftMessage> ctx, long term) {
        boolean wasLeader = role == Role.Leader;
        currentTerm = term;
        votedFor = 0;
        role = Role.Follower;
        leaderId = 0;
        votesGranted.clear();
        nextIndex.clear();
        matchIndex.clear();
        markDirty();
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

    void markDirty() {
        dirty = true;
    }

    /** Sends after persisting: no answer leaves before the state it depends on is durable. */
    void send(Context<RaftMessage> ctx, int to, RaftMessage msg) {
        flush(ctx);
        ctx.send(to, msg);
    }

    void flush(Context<RaftMessage> ctx) {
        if (dirty) {
            ctx.persist(persistentState());
            dirty = false;
        }
    }

    /** Applies newly committed entries, answers clients when leading, and snapshots when due. */
    void applyCommitted(Context<RaftMessage> ctx) {
        while (lastApplied < commitIndex) {
            lastApplied++;
            String value = log.get(lastApplied).value();
            String result = stateMachine.apply(value);
            if (role == Role.Leader) {
                ClientCommand cmd = ClientCommand.decode(value);
                send(ctx, cmd.clientId(), new RaftMessage.ClientReply(cmd.seq(), true, result,
                        ctx.self()));
            }
        }
        if (config.snapshotEvery() > 0
                && lastApplied - log.snapshotIndex() >= config.snapshotEvery()) {
            log.compact(lastApplied, stateMachine.snapshot());
            markDirty();
            record(ctx, "TakeSnapshot");
            flush(ctx);
        }
    }

    /** Records the spec action with the state after it; the log only when it changed since last recorded. */
    void record(Context<RaftMessage> ctx, String action) {
        if (ctx.tracing()) {
            boolean logChanged = log.version() != recordedLogVersion;
            recordedLogVersion = log.version();
            ctx.action(action, traceState(logChanged));
        }
    }

    // ---- views -------------------------------------------------------------------------

    /** The durable part of the state, as persisted. */
    public RaftPersistentState persistentState() {
        return new RaftPersistentState(currentTerm, votedFor, log.snapshotIndex(),
                log.snapshotTerm(), log.snapshotData(), log.entries());
    }

    /** The spec-relevant state (the recorded state of specs/raft/README.md), with the whole log. */
    public Map<String, Object> traceState(int self) {
        return traceState(true);
    }

    /**
     * The state an action records: term, role, vote, snapshot, commit index, the leader's
     * indices and, when {@code withLog}, the entries after the snapshot.
     */
    private Map<String, Object> traceState(boolean withLog) {
        boolean leader = role == Role.Leader;
        FieldMap.Builder s = FieldMap.builder(leader ? 9 : 7);
        s.put("currentTerm", currentTerm);
        s.put("role", role.name());
        s.put("votedFor", (Object) votedFor);
        if (withLog) {
            List<Object> entries = new ArrayList<>(log.size());
            for (LogEntry e : log.entries()) {
                entries.add(traced(e));
            }
            s.put("log", entries);
        }
        s.put("snapshotIndex", log.snapshotIndex());
        s.put("snapshotTerm", log.snapshotTerm());
        s.put("commitIndex", commitIndex);
        if (leader) {
            tracedMatchIndex = byNodeId(matchIndex, tracedMatchIndex);
            tracedNextIndex = byNodeId(nextIndex, tracedNextIndex);
            s.put("matchIndex", tracedMatchIndex);
            s.put("nextIndex", tracedNextIndex);
        }
        return s.build();
    }

    /**
     * Recorded forms of log entries, by identity: an action that changed the log records all of
     * it, and most entries were recorded before (the map is immutable, so events share it).
     */
    private IdentityHashMap<LogEntry, FieldMap> tracedEntries;
    private static final int MAX_TRACED_ENTRIES = 4096;

    private FieldMap traced(LogEntry e) {
        if (tracedEntries == null) {
            tracedEntries = new IdentityHashMap<>();
        }
        FieldMap f = tracedEntries.get(e);
        if (f == null) {
            if (tracedEntries.size() >= MAX_TRACED_ENTRIES) {
                tracedEntries.clear(); // compacted entries are not recorded again
            }
            f = FieldMap.builder(2).put("term", e.term()).put("value", e.value()).build();
            tracedEntries.put(e, f);
        }
        return f;
    }

    /** Node ids as the trace's object keys ("2"), cached for the small ids clusters use. */
    private static final String[] ID_KEYS = new String[256];

    static {
        for (int i = 0; i < ID_KEYS.length; i++) {
            ID_KEYS[i] = Integer.toString(i);
        }
    }

    /** The last recorded leader indices: most leader actions leave them as they were, and events share them. */
    private FieldMap tracedMatchIndex;
    private FieldMap tracedNextIndex;

    private static String idKey(int k) {
        return k >= 0 && k < ID_KEYS.length ? ID_KEYS[k] : Integer.toString(k);
    }

    /** {@code m} with node-id keys as a recorded map; {@code last} itself when it has the same entries. */
    private static FieldMap byNodeId(Map<Integer, Long> m, FieldMap last) {
        if (last != null && last.size() == m.size()) {
            int i = 0;
            boolean same = true;
            for (Map.Entry<Integer, Long> e : m.entrySet()) {
                if (!last.keyAt(i).equals(idKey(e.getKey())) || last.longAt(i) != e.getValue()) {
                    same = false;
                    break;
                }
                i++;
            }
            if (same) {
                return last;
            }
        }
        FieldMap.Builder out = FieldMap.builder(m.size());
        for (Map.Entry<Integer, Long> e : m.entrySet()) {
            out.put(idKey(e.getKey()), e.getValue().longValue());
        }
        return out.build();
    }

    public Role role() {
        return role;
    }

    public long currentTerm() {
        return currentTerm;
    }

    public int votedFor() {
        return votedFor;
    }

    public long commitIndex() {
        return commitIndex;
    }

    public long lastApplied() {
        return lastApplied;
    }

    public long lastLogIndex() {
        return log.lastIndex();
    }

    public long snapshotIndex() {
        return log.snapshotIndex();
    }

    /** The known leader, 0 when unknown. */
    public int leaderId() {
        return leaderId;
    }

    /** The entry at {@code index} (after the snapshot). */
    public LogEntry entry(long index) {
        return log.get(index);
    }

    /** Term at an index: 0 at index 0, -1 when compacted away or beyond the end. */
    public long termAt(long index) {
        return log.termAt(index);
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    private static long termOf(RaftMessage msg) {
        if (msg instanceof RaftMessage.RequestVote m) {
            return m.term();
        } else if (msg instanceof RaftMessage.RequestVoteResponse m) {
            return m.term();
        } else if (msg instanceof RaftMessage.AppendEntries m) {
            return m.term();
        } else if (msg instanceof RaftMessage.AppendEntriesResponse m) {
            return m.term();
        } else if (msg instanceof RaftMessage.InstallSnapshot m) {
            return m.term();
        } else if (msg instanceof RaftMessage.InstallSnapshotResponse m) {
            return m.term();
        }
        return 0;
    }
}
