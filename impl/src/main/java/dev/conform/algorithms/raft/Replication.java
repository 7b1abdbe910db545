package dev.conform.algorithms.raft;

import dev.conform.runtime.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Log replication (sections 5.3 and 7 of the paper): the leader appends client commands, sends
 * each follower the entries from its nextIndex on (or its snapshot when those were compacted),
 * followers accept entries only after the consistency check on prevLogIndex/prevLogTerm and
 * truncate conflicting suffixes, and the leader advances the commit index by the
 * {@link CommitRule}. Committed entries are applied to the state machine, and the applied
 * prefix is compacted into a snapshot every {@code snapshotEvery} entries.
 *
 * <p>Owns the leader's nextIndex and matchIndex, the commit index, the applied index and the
 * state machine; the log is {@link DurableState}'s.
 */
final class Replication {
    private final RaftNode n;
    private final DurableState durable;
    private final RaftLog log;
    private final RaftFlaws flaws;
    private final StateMachine stateMachine;

    /** A leader's progress per follower, by id (sorted: the trace records them in this order). */
    private final Map<Integer, Long> nextIndex = new TreeMap<>();
    private final Map<Integer, Long> matchIndex = new TreeMap<>();
    private final Map<Integer, Long> nextIndexView = Collections.unmodifiableMap(nextIndex);
    private final Map<Integer, Long> matchIndexView = Collections.unmodifiableMap(matchIndex);
    private long commitIndex;
    private long lastApplied;
    /** Reused by advanceCommitIndex (called on every append response). */
    private long[] matchScratch = new long[0];

    /** The state machine is restored from the log's snapshot, which is also committed and applied. */
    Replication(RaftNode node, DurableState durable, RaftFlaws flaws, StateMachine stateMachine) {
        this.n = node;
        this.durable = durable;
        this.log = durable.log();
        this.flaws = flaws;
        this.stateMachine = stateMachine;
        stateMachine.restore(log.snapshotData());
        this.commitIndex = log.snapshotIndex();
        this.lastApplied = log.snapshotIndex();
    }

    long commitIndex() {
        return commitIndex;
    }

    long lastApplied() {
        return lastApplied;
    }

    StateMachine stateMachine() {
        return stateMachine;
    }

    /** The leader's nextIndex per follower (empty when not leading), read-only. */
    Map<Integer, Long> nextIndex() {
        return nextIndexView;
    }

    /** The leader's matchIndex per follower (empty when not leading), read-only. */
    Map<Integer, Long> matchIndex() {
        return matchIndexView;
    }

    /** BecomeLeader: every follower's log is assumed to end where the leader's does. */
    void startLeading(Context<RaftMessage> ctx) {
        nextIndex.clear();
        matchIndex.clear();
        for (int peer : n.peers(ctx)) {
            nextIndex.put(peer, log.lastIndex() + 1);
            matchIndex.put(peer, 0L);
        }
    }

    /** No longer leading (UpdateTerm, start): the progress of followers is forgotten. */
    void stopLeading() {
        nextIndex.clear();
        matchIndex.clear();
    }

    /**
     * Spec action ClientRequest when leading; otherwise RedirectClient (a failure reply naming
     * the known leader). A retry of a command already applied is AnswerFromSession: the reply
     * comes from the session table and nothing is appended. Every delivered request is handled
     * by exactly one of the three actions (with {@link RaftFlaw#STALE_READ}, a leader answers a
     * read at once instead, recorded as ReadLocally, which the spec does not have).
     */
    void clientRequest(Context<RaftMessage> ctx, RaftMessage.ClientRequest r) {
        if (n.role() != Role.Leader) {
            n.record(ctx, "RedirectClient");
            ctx.send(r.clientId(), new RaftMessage.ClientReply(r.seq(), false, null,
                    n.leaderId()));
            return;
        }
        if (stateMachine.applied(r.clientId(), r.seq())) {
            // A retry of an applied command: answer from the session table, append nothing.
            n.record(ctx, "AnswerFromSession");
            ctx.send(r.clientId(), new RaftMessage.ClientReply(r.seq(), true,
                    stateMachine.cachedResult(r.clientId(), r.seq()), ctx.self()));
            return;
        }
        if (!flaws.readsThroughLog() && stateMachine.readOnly(r.op())) {
            // Not a spec action: the flaw answers a read from local state, unreplicated.
            n.record(ctx, "ReadLocally");
            ctx.send(r.clientId(), new RaftMessage.ClientReply(r.seq(), true, stateMachine.query(r.op()),
                    ctx.self()));
            return;
        }
        String value = new ClientCommand(r.clientId(), r.seq(), r.op()).encode();
        log.append(new LogEntry(durable.currentTerm(), value));
        n.record(ctx, "ClientRequest");
        advanceCommitIndex(ctx); // a one-server cluster commits at once
        broadcastAppend(ctx);
    }

    void broadcastAppend(Context<RaftMessage> ctx) {
        for (int peer : n.peers(ctx)) {
            sendAppend(ctx, peer);
        }
    }

    /** The next AppendEntries (or InstallSnapshot) for {@code peer}, from its nextIndex on. */
    private void sendAppend(Context<RaftMessage> ctx, int peer) {
        long next = nextIndex.getOrDefault(peer, log.lastIndex() + 1);
        if (next <= log.snapshotIndex()) {
            ctx.send(peer, new RaftMessage.InstallSnapshot(durable.currentTerm(),
                    log.snapshotIndex(), log.snapshotTerm(), log.snapshotData()));
            return;
        }
        long prev = next - 1;
        List<LogEntry> entries = log.slice(next, n.config.maxEntriesPerAppend());
        ctx.send(peer, new RaftMessage.AppendEntries(durable.currentTerm(), prev,
                log.termAt(prev), entries, commitIndex));
    }

    /**
     * Spec action HandleAppendEntries (rule R5 of specs/raft/README.md): consistency check,
     * truncate at the first conflict, append, follow the leader's commit index.
     */
    void handleAppendEntries(Context<RaftMessage> ctx, int from, RaftMessage.AppendEntries m) {
        if (m.term() < durable.currentTerm() || n.role() == Role.Leader) {
            // A stale leader, or (impossible with one leader per term) a second one.
            reject(ctx, from);
            return;
        }
        n.election.follow(ctx, from);
        if (!prevMatches(m)) {
            reject(ctx, from);
            return;
        }
        long index = m.prevLogIndex();
        for (LogEntry e : m.entries()) {
            index++;
            if (index <= log.snapshotIndex()) {
                continue; // already in the snapshot, hence committed and matching
            }
            if (index <= log.lastIndex()) {
                if (log.termAt(index) == e.term()) {
                    continue;
                }
                log.truncateFrom(index);
            }
            log.append(e);
        }
        long matched = m.prevLogIndex() + m.entries().size();
        commitIndex = Math.max(commitIndex, Math.min(m.leaderCommit(), matched));
        n.record(ctx, "HandleAppendEntries");
        ctx.send(from, new RaftMessage.AppendEntriesResponse(durable.currentTerm(), true,
                matched));
        applyCommitted(ctx);
    }

    /** A failed AppendEntries: the reply carries the own last index as a hint for nextIndex. */
    private void reject(Context<RaftMessage> ctx, int from) {
        n.record(ctx, "HandleAppendEntries");
        ctx.send(from, new RaftMessage.AppendEntriesResponse(durable.currentTerm(), false,
                log.lastIndex()));
    }

    private boolean prevMatches(RaftMessage.AppendEntries m) {
        if (m.prevLogIndex() <= log.snapshotIndex()) {
            return true; // inside the snapshot: committed, so it matches the leader
        }
        if (m.prevLogIndex() > log.lastIndex()) {
            return false;
        }
        return flaws.prevTermMatches(log.termAt(m.prevLogIndex()) == m.prevLogTerm());
    }

    /**
     * Spec action HandleAppendEntriesResponse (rule R4), followed by AdvanceCommitIndex when the
     * commit index moves. A stale answer, or one reaching a server no longer leading, is
     * consumed without change.
     */
    void handleAppendEntriesResponse(Context<RaftMessage> ctx, int from,
                                     RaftMessage.AppendEntriesResponse m) {
        if (m.term() < durable.currentTerm() || n.role() != Role.Leader) {
            n.record(ctx, "HandleAppendEntriesResponse");
            return;
        }
        if (m.success()) {
            long match = Math.max(matchIndex.getOrDefault(from, 0L), m.matchIndex());
            matchIndex.put(from, match);
            nextIndex.put(from, match + 1);
        } else {
            long next = nextIndex.getOrDefault(from, log.lastIndex() + 1);
            nextIndex.put(from, Math.max(1, Math.min(next - 1, m.matchIndex() + 1)));
        }
        n.record(ctx, "HandleAppendEntriesResponse");
        advanceCommitIndex(ctx);
        if (!m.success() || nextIndex.get(from) <= log.lastIndex()) {
            sendAppend(ctx, from);
        }
    }

    /**
     * Spec action HandleInstallSnapshot (rule R9): a newer snapshot replaces the log prefix, or
     * the whole log when the log does not hold the snapshot's last entry.
     */
    void handleInstallSnapshot(Context<RaftMessage> ctx, int from, RaftMessage.InstallSnapshot m) {
        if (m.term() < durable.currentTerm() || n.role() == Role.Leader) {
            n.record(ctx, "HandleInstallSnapshot");
            ctx.send(from, new RaftMessage.InstallSnapshotResponse(durable.currentTerm(), 0));
            return;
        }
        n.election.follow(ctx, from);
        if (m.lastIncludedIndex() > log.snapshotIndex()) {
            log.install(m.lastIncludedIndex(), m.lastIncludedTerm(), m.data());
            commitIndex = Math.max(commitIndex, m.lastIncludedIndex());
            if (m.lastIncludedIndex() > lastApplied) {
                // Only move the state machine forward; one already past the snapshot keeps its state.
                stateMachine.restore(m.data());
                lastApplied = m.lastIncludedIndex();
            }
        }
        n.record(ctx, "HandleInstallSnapshot");
        ctx.send(from, new RaftMessage.InstallSnapshotResponse(durable.currentTerm(),
                m.lastIncludedIndex()));
        applyCommitted(ctx);
    }

    /** Spec action HandleInstallSnapshotResponse: handled like a successful append. */
    void handleInstallSnapshotResponse(Context<RaftMessage> ctx, int from,
                                       RaftMessage.InstallSnapshotResponse m) {
        if (m.term() < durable.currentTerm() || n.role() != Role.Leader) {
            n.record(ctx, "HandleInstallSnapshotResponse");
            return;
        }
        long match = Math.max(matchIndex.getOrDefault(from, 0L), m.matchIndex());
        matchIndex.put(from, match);
        nextIndex.put(from, match + 1);
        n.record(ctx, "HandleInstallSnapshotResponse");
        advanceCommitIndex(ctx);
        if (nextIndex.get(from) <= log.lastIndex()) {
            sendAppend(ctx, from);
        }
    }

    /** Spec action AdvanceCommitIndex, taken only when the commit index actually moves. */
    private void advanceCommitIndex(Context<RaftMessage> ctx) {
        long[] matches = matchScratch;
        if (matches.length != matchIndex.size() + 1) {
            matches = new long[matchIndex.size() + 1];
            matchScratch = matches;
        }
        int k = 0;
        for (long m : matchIndex.values()) {
            matches[k++] = m;
        }
        matches[k] = log.lastIndex(); // the leader's own log
        long next = CommitRule.advance(commitIndex, log.lastIndex(), durable.currentTerm(),
                matches, log::termAt, flaws.commitOldTermsByCounting());
        if (next > commitIndex) {
            commitIndex = next;
            n.record(ctx, "AdvanceCommitIndex");
            applyCommitted(ctx);
        }
    }

    /** Applies newly committed entries, answers clients when leading, and snapshots when due. */
    private void applyCommitted(Context<RaftMessage> ctx) {
        while (lastApplied < commitIndex) {
            lastApplied++;
            String value = log.get(lastApplied).value();
            String result = stateMachine.apply(value);
            if (n.role() == Role.Leader) {
                ClientCommand cmd = ClientCommand.decode(value);
                ctx.send(cmd.clientId(), new RaftMessage.ClientReply(cmd.seq(), true, result,
                        ctx.self()));
            }
        }
        if (n.config.snapshotEvery() > 0
                && lastApplied - log.snapshotIndex() >= n.config.snapshotEvery()) {
            log.compact(lastApplied, stateMachine.snapshot());
            n.record(ctx, "TakeSnapshot");
        }
    }
}
