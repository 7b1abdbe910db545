package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.TraceMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Raft.tla's actions on a {@link SpecServer}, as TraceRaft.tla takes them for a recorded action:
 * a handler works on its server's pending delivery; every guard that fails is a
 * {@link FoldException} naming it.
 */
final class RaftActions {
    /** Handler action to the message type whose delivery it consumes (TraceRaft.tla's NetConsume). */
    static final Map<String, String> HANDLERS = Map.of(
        "HandleRequestVote", "RequestVote",
        "HandleRequestVoteResponse", "RequestVoteResponse",
        "HandleAppendEntries", "AppendEntries",
        "HandleAppendEntriesResponse", "AppendEntriesResponse",
        "HandleInstallSnapshot", "InstallSnapshot",
        "HandleInstallSnapshotResponse", "InstallSnapshotResponse",
        "ClientRequest", "ClientRequest",
        "RedirectClient", "ClientRequest",
        "AnswerFromSession", "ClientRequest");

    private RaftActions() {
    }

    static boolean consumes(String action) {
        return HANDLERS.containsKey(action);
    }

    static void take(SpecServer s, String action, TraceMessage p, RaftSpecReplay r) {
        String type = HANDLERS.get(action);
        if (type != null || action.equals("UpdateTerm")) {
            if (p == null || (type != null ? !type.equals(p.type()) : !SpecMessages.RAFT.contains(p.type()))) {
                throw new FoldException(action + " at server " + s.id + " has no delivered message to work on"
                    + (p == null ? "" : " (pending: " + p.type() + " " + p.id() + ")"));
            }
        }
        switch (action) {
            case "Timeout" -> timeout(s);
            case "BecomeLeader" -> becomeLeader(s, r.servers());
            case "AdvanceCommitIndex" -> advanceCommitIndex(s, r.servers());
            case "TakeSnapshot" -> takeSnapshot(s, r.snapshotEvery());
            case "UpdateTerm" -> updateTerm(s, SpecMessages.of(p));
            case "HandleRequestVote" -> handleRequestVote(s, SpecMessages.of(p));
            case "HandleRequestVoteResponse" -> handleRequestVoteResponse(s, SpecMessages.of(p));
            case "HandleAppendEntries" -> handleAppendEntries(s, SpecMessages.of(p));
            case "HandleAppendEntriesResponse", "HandleInstallSnapshotResponse" -> handleResponse(s, SpecMessages.of(p));
            case "HandleInstallSnapshot" -> handleInstallSnapshot(s, SpecMessages.of(p), r.shipped(p.id()));
            case "ClientRequest", "RedirectClient", "AnswerFromSession" -> ClientReplies.handle(s, action, p);
            default -> throw new FoldException("unknown Raft action " + action);
        }
    }

    private static void require(boolean guard, SpecServer s, String what) {
        if (!guard) {
            throw new FoldException("server " + s.id + " cannot take this step: " + what + " (state " + s + ")");
        }
    }

    private static long n(Map<String, Object> m, String f) {
        return (Long) m.get(f);
    }

    private static int source(Map<String, Object> m) {
        return (int) n(m, "msource");
    }

    private static boolean quorum(int votes, int servers) {
        return 2 * votes > servers;
    }

    static void clearLeaderState(SpecServer s) {
        s.nextIndex.clear();
        s.matchIndex.clear();
    }

    private static void timeout(SpecServer s) {
        require(!s.role.equals("Leader"), s, "Timeout by a leader");
        s.term++;
        s.role = "Candidate";
        s.votedFor = s.id;
        s.votes.clear();
        s.votes.add(s.id);
    }

    private static void becomeLeader(SpecServer s, List<Integer> servers) {
        require(s.role.equals("Candidate") && quorum(s.votes.size(), servers.size()), s,
            "BecomeLeader without a quorum of votes " + s.votes);
        s.role = "Leader";
        for (int j : servers) {
            s.nextIndex.put(j, s.lastIndex() + 1);
            s.matchIndex.put(j, 0L);
        }
    }

    private static void advanceCommitIndex(SpecServer s, List<Integer> servers) {
        require(s.role.equals("Leader"), s, "AdvanceCommitIndex by a non-leader");
        long best = -1;
        for (long k = s.commitIndex + 1; k <= s.lastIndex(); k++) {
            int agree = 1;
            for (int j : servers) {
                if (j != s.id && s.matchIndex.getOrDefault(j, 0L) >= k) {
                    agree++;
                }
            }
            if (quorum(agree, servers.size())) {
                best = k;
            }
        }
        require(best > 0 && s.termAt(best) == s.term, s, "AdvanceCommitIndex with no entry of its term on a quorum");
        s.commitIndex = best;
    }

    private static void takeSnapshot(SpecServer s, long every) {
        long k = s.commitIndex;
        require(every > 0 && k - s.snapshotIndex >= every && s.snapshotIndex < k, s,
            "TakeSnapshot before snapshotEvery (" + every + ") entries were applied since the last one");
        s.snapshotTerm = s.termAt(k);
        s.snapshotIndex = k;
    }

    private static void updateTerm(SpecServer s, Map<String, Object> m) {
        require(n(m, "term") > s.term, s, "UpdateTerm for a message of term " + m.get("term"));
        s.term = n(m, "term");
        s.role = "Follower";
        s.votedFor = 0;
        s.votes.clear();
        clearLeaderState(s);
    }

    private static void stepDownOnLeaderMessage(SpecServer s, Map<String, Object> m) {
        if (n(m, "term") == s.term && s.role.equals("Candidate")) {
            s.role = "Follower";
            s.votes.clear();
        }
    }

    private static void handleRequestVote(SpecServer s, Map<String, Object> m) {
        require(n(m, "term") <= s.term, s, "a newer term must be taken by UpdateTerm first");
        int j = source(m);
        boolean logOk = n(m, "lastLogTerm") > s.lastTerm()
            || n(m, "lastLogTerm") == s.lastTerm() && n(m, "lastLogIndex") >= s.lastIndex();
        boolean grant = n(m, "term") == s.term && logOk && (s.votedFor == 0 || s.votedFor == j);
        if (grant) {
            s.votedFor = j;
        }
        s.outbox.add(SpecMessages.spec("RequestVoteResponse", s.id, j, s.term, "voteGranted", grant));
    }

    private static void handleRequestVoteResponse(SpecServer s, Map<String, Object> m) {
        require(n(m, "term") <= s.term, s, "a newer term must be taken by UpdateTerm first");
        if (n(m, "term") == s.term && s.role.equals("Candidate") && (Boolean) m.get("voteGranted")) {
            s.votes.add(source(m));
        }
    }

    @SuppressWarnings("unchecked")
    private static void handleAppendEntries(SpecServer s, Map<String, Object> m) {
        require(n(m, "term") <= s.term, s, "a newer term must be taken by UpdateTerm first");
        int j = source(m);
        long prev = n(m, "prevLogIndex");
        List<Entry> ents = (List<Entry>) m.get("entries");
        boolean logOk = prev <= s.snapshotIndex || prev <= s.lastIndex() && s.termAt(prev) == n(m, "prevLogTerm");
        boolean accept = n(m, "term") == s.term && !s.role.equals("Leader") && logOk;
        stepDownOnLeaderMessage(s, m);
        if (accept) {
            merge(s, prev, ents);
            s.commitIndex = Math.max(s.commitIndex, Math.min(n(m, "leaderCommit"), prev + ents.size()));
            s.outbox.add(SpecMessages.spec("AppendEntriesResponse", s.id, j, s.term, "success", true,
                "matchIndex", prev + ents.size()));
        } else {
            s.outbox.add(SpecMessages.spec("AppendEntriesResponse", s.id, j, s.term, "success", false,
                "matchIndex", s.lastIndex()));
        }
    }

    /** Raft.tla's MergeEntries: skip entries in the snapshot or present with the same term, cut at the first conflict. */
    private static void merge(SpecServer s, long prev, List<Entry> ents) {
        for (int k = 1; k <= ents.size(); k++) {
            long index = prev + k;
            if (index <= s.snapshotIndex) {
                continue;
            }
            if (index <= s.lastIndex() && s.at(index).term() == ents.get(k - 1).term()) {
                continue;
            }
            while (s.lastIndex() >= index) {
                s.full.remove(s.full.size() - 1);
            }
            s.full.addAll(ents.subList(k - 1, ents.size()));
            return;
        }
    }

    private static void handleResponse(SpecServer s, Map<String, Object> m) {
        require(n(m, "term") <= s.term, s, "a newer term must be taken by UpdateTerm first");
        int j = source(m);
        if (n(m, "term") != s.term || !s.role.equals("Leader")) {
            return;
        }
        long k = n(m, "matchIndex");
        if (m.get("mtype").equals("InstallSnapshotResponse") || (Boolean) m.get("success")) {
            long match = Math.max(s.matchIndex.getOrDefault(j, 0L), k);
            s.matchIndex.put(j, match);
            s.nextIndex.put(j, match + 1);
        } else {
            s.nextIndex.put(j, Math.max(1, Math.min(s.nextIndex.getOrDefault(j, 0L) - 1, k + 1)));
        }
    }

    private static void handleInstallSnapshot(SpecServer s, Map<String, Object> m, List<Entry> data) {
        require(n(m, "term") <= s.term, s, "a newer term must be taken by UpdateTerm first");
        int j = source(m);
        long li = n(m, "lastIncludedIndex");
        long lt = n(m, "lastIncludedTerm");
        boolean ok = n(m, "term") == s.term && !s.role.equals("Leader");
        stepDownOnLeaderMessage(s, m);
        if (ok && li > s.snapshotIndex) {
            boolean keep = li <= s.lastIndex() && s.termAt(li) == lt;
            List<Entry> rest = keep ? new ArrayList<>(s.full.subList((int) li, s.full.size())) : List.of();
            s.full.clear();
            s.full.addAll(data);
            s.full.addAll(rest);
            s.snapshotIndex = li;
            s.snapshotTerm = lt;
            s.commitIndex = Math.max(s.commitIndex, li);
            if (li > s.applied) {
                s.applied = li;
                s.kv = KvReplica.fold(new KvReplica(), data, 0, li);
            }
        }
        s.outbox.add(SpecMessages.spec("InstallSnapshotResponse", s.id, j, s.term, "matchIndex", ok ? li : 0L));
    }
}
