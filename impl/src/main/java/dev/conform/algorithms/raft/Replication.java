package dev.conform.algorithms.raft;

import dev.conform.runtime.Context;
import java.util.List;

/**
 * Log replication (sections 5.3 and 7 of the paper): the leader appends client commands, sends
 * each follower the entries from its nextIndex on (or its snapshot when those were compacted),
 * followers accept entries only after the consistency check on prevLogIndex/prevLogTerm and
 * truncate conflicting suffixes, and the leader advances the commit index by the
 * {@link CommitRule}.
 */
final class Replication {
    private final RaftNode n;
    /** Reused by advanceCommitIndex (called on every append response). */
    private long[] matchScratch = new long[0];

    Replication(RaftNode node) {
        this.n = node;
    }

    /**
     * Spec action ClientRequest when leading; otherwise RedirectClient (a failure reply naming
     * the known leader). A retry of a command already applied is AnswerFromSession: the reply
     * comes from the session table and nothing is appended. Every delivered request is handled
     * by exactly one of the three actions.
     */
    void clientRequest(Context<RaftMessage> ctx, RaftMessage.ClientRequest r) {
        if (n.role != Role.Leader) {
            n.record(ctx, "RedirectClient");
            n.send(ctx, r.clientId(), new RaftMessage.ClientReply(r.seq(), false, null, n.leaderId));
            return;
        }
        if (n.stateMachine.applied(r.clientId(), r.seq())) {
            // A retry of an applied command: answer from the session table, append nothing.
            n.record(ctx, "AnswerFromSession");
            n.send(ctx, r.clientId(), new RaftMessage.ClientReply(r.seq(), true,
                    n.stateMachine.cachedResult(r.clientId(), r.seq()), ctx.self()));
            return;
        }
        String value = new ClientCommand(r.clientId(), r.seq(), r.op()).encode();
        n.log.append(new LogEntry(n.currentTerm, value));
        n.markDirty();
        n.record(ctx, "ClientRequest");
        n.flush(ctx);
        advanceCommitIndex(ctx); // a one-server cluster commits at once
        broadcastAppend(ctx);
    }

    void broadcastAppend(Context<RaftMessage> ctx) {
        for (int peer : n.peers(ctx)) {
            sendAppend(ctx, peer);
        }
    }

    /** The next AppendEntries (or InstallSnapshot) for {@code peer}, from its nextIndex on. */
    void sendAppend(Context<RaftMessage> ctx, int peer) {
        long next = n.nextIndex.getOrDefault(peer, n.log.lastIndex() + 1);
        if (next <= n.log.snapshotIndex()) {
            n.send(ctx, peer, new RaftMessage.InstallSnapshot(n.currentTerm, n.log.snapshotIndex(),
                    n.log.snapshotTerm(), n.log.snapshotData()));
            return;
        }
        long prev = next - 1;
        List<LogEntry> entries = n.log.slice(next, n.config.maxEntriesPerAppend());
        n.send(ctx, peer, new RaftMessage.AppendEntries(n.currentTerm, prev, n.log.termAt(prev),
                entries, n.commitIndex));
    }

    /**
     * Spec action HandleAppendEntries (rule R5 of specs/raft/README.md): consistency check,
     * truncate at the first conflict, append, follow the leader's commit index.
     */
    void handleAppendEntries(Context<RaftMessage> ctx, int from, RaftMessage.AppendEntries m) {
        if (m.term() < n.currentTerm || n.role == Role.Leader) {
            // A stale leader, or (impossible with one leader per term) a second one.
            reject(ctx, from);
            return;
        }
        followLeader(ctx, from);
        if (!prevMatches(m)) {
            reject(ctx, from);
            return;
        }
        long index = m.prevLogIndex();
        for (LogEntry e : m.entries()) {
            index++;
            if (index <= n.log.snapshotIndex()) {
                continue; // already in the snapshot, hence committed and matching
            }
            if (index <= n.log.lastIndex()) {
                if (n.log.termAt(index) == e.term()) {
                    continue;
                }
                n.log.truncateFrom(index);
            }
            n.log.append(e);
            n.markDirty();
        }
        long matched = m.prevLogIndex() + m.entries().size();
        n.commitIndex = Math.max(n.commitIndex, Math.min(m.leaderCommit(), matched));
        n.record(ctx, "HandleAppendEntries");
        n.send(ctx, from, new RaftMessage.AppendEntriesResponse(n.currentTerm, true, matched));
        n.applyCommitted(ctx);
    }

    /** A failed AppendEntries: the reply carries the own last index as a hint for nextIndex. */
    private void reject(Context<RaftMessage> ctx, int from) {
        n.record(ctx, "HandleAppendEntries");
        n.send(ctx, from, new RaftMessage.AppendEntriesResponse(n.currentTerm, false,
                n.log.lastIndex()));
    }

    private boolean prevMatches(RaftMessage.AppendEntries m) {
        if (m.prevLogIndex() <= n.log.snapshotIndex()) {
            return true; // inside the snapshot: committed, so it matches the leader
        }
        if (m.prevLogIndex() > n.log.lastIndex()) {
            return false;
        }
        return n.config.has(RaftFlaw.APPEND_WITHOUT_PREV_CHECK)
                || n.log.termAt(m.prevLogIndex()) == m.prevLogTerm();
    }

    /** A valid message of the current term's leader: a candidate gives up; the timer restarts. */
    private void followLeader(Context<RaftMessage> ctx, int from) {
        n.role = Role.Follower;
        n.leaderId = from;
        n.votesGranted.clear();
        n.resetElectionTimer(ctx);
    }

    /**
     * Spec action HandleAppendEntriesResponse (rule R4), followed by AdvanceCommitIndex when the
     * commit index moves. A stale answer, or one reaching a server no longer leading, is
     * consumed without change.
     */
    void handleAppendEntriesResponse(Context<RaftMessage> ctx, int from,
                                     RaftMessage.AppendEntriesResponse m) {
        if (m.term() < n.currentTerm || n.role != Role.Leader) {
            n.record(ctx, "HandleAppendEntriesResponse");
            return;
        }
        if (m.success()) {
            long match = Math.max(n.matchIndex.getOrDefault(from, 0L), m.matchIndex());
            n.matchIndex.put(from, match);
            n.nextIndex.put(from, match + 1);
        } else {
            long next = n.nextIndex.getOrDefault(from, n.log.lastIndex() + 1);
            n.nextIndex.put(from, Math.max(1, Math.min(next - 1, m.matchIndex() + 1)));
        }
        n.record(ctx, "HandleAppendEntriesResponse");
        advanceCommitIndex(ctx);
        if (!m.success() || n.nextIndex.get(from) <= n.log.lastIndex()) {
            sendAppend(ctx, from);
        }
    }

    /**
     * Spec action HandleInstallSnapshot (rule R9): a newer snapshot replaces the log prefix, or
     * the whole log when the log does not hold the snapshot's last entry.
     */
    void handleInstallSnapshot(Context<RaftMessage> ctx, int from, RaftMessage.InstallSnapshot m) {
        if (m.term() < n.currentTerm || n.role == Role.Leader) {
            n.record(ctx, "HandleInstallSnapshot");
            n.send(ctx, from, new RaftMessage.InstallSnapshotResponse(n.currentTerm, 0));
            return;
        }
        followLeader(ctx, from);
        if (m.lastIncludedIndex() > n.log.snapshotIndex()) {
            n.log.install(m.lastIncludedIndex(), m.lastIncludedTerm(), m.data());
            n.commitIndex = Math.max(n.commitIndex, m.lastIncludedIndex());
            if (m.lastIncludedIndex() > n.lastApplied) {
                // Only move the state machine forward; one already past the snapshot keeps its state.
                n.stateMachine.restore(m.data());
                n.lastApplied = m.lastIncludedIndex();
            }
            n.markDirty();
        }
        n.record(ctx, "HandleInstallSnapshot");
        n.send(ctx, from, new RaftMessage.InstallSnapshotResponse(n.currentTerm,
                m.lastIncludedIndex()));
        n.applyCommitted(ctx);
    }

    /** Spec action HandleInstallSnapshotResponse: handled like a successful append. */
    void handleInstallSnapshotResponse(Context<RaftMessage> ctx, int from,
                                       RaftMessage.InstallSnapshotResponse m) {
        if (m.term() < n.currentTerm || n.role != Role.Leader) {
            n.record(ctx, "HandleInstallSnapshotResponse");
            return;
        }
        long match = Math.max(n.matchIndex.getOrDefault(from, 0L), m.matchIndex());
        n.matchIndex.put(from, match);
        n.nextIndex.put(from, match + 1);
        n.record(ctx, "HandleInstallSnapshotResponse");
        advanceCommitIndex(ctx);
        if (n.nextIndex.get(from) <= n.log.lastIndex()) {
            sendAppend(ctx, from);
        }
    }

    /** Spec action AdvanceCommitIndex, taken only when the commit index actually moves. */
    void advanceCommitIndex(Context<RaftMessage> ctx) {
        long[] matches = matchScratch;
        if (matches.length != n.matchIndex.size() + 1) {
            matches = new long[n.matchIndex.size() + 1];
            matchScratch = matches;
        }
        int k = 0;
        for (long m : n.matchIndex.values()) {
            matches[k++] = m;
        }
        matches[k] = n.log.lastIndex(); // the leader's own log
        long next = CommitRule.advance(n.commitIndex, n.log.lastIndex(), n.currentTerm, matches,
                n.log::termAt, n.config.has(RaftFlaw.COMMIT_OLD_TERM_BY_COUNTING));
        if (next > n.commitIndex) {
            n.commitIndex = next;
            n.record(ctx, "AdvanceCommitIndex");
            n.applyCommitted(ctx);
        }
    }
}
