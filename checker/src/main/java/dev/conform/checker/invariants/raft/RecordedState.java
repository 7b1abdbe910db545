package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.FoldException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * TraceRaft.tla's StateMatches: the state an action records must be the spec's state after it
 * (term, role, vote, the log after the snapshot when recorded, else unchanged, snapshot, commit
 * index, a candidate's counted votes when recorded, and a leader's indices for the other servers).
 */
final class RecordedState {
    private RecordedState() {
    }

    static void check(SpecServer s, String action, Map<String, Object> st, List<Entry> logBefore, List<Integer> servers) {
        StringBuilder diff = new StringBuilder();
        field(diff, "currentTerm", SpecMessages.num(st, "currentTerm"), s.term);
        if (!s.role.equals(st.get("role"))) {
            diff.append(" role ").append(st.get("role")).append(" (spec: ").append(s.role).append(')');
        }
        field(diff, "votedFor", SpecMessages.num(st, "votedFor"), s.votedFor);
        field(diff, "snapshotIndex", SpecMessages.num(st, "snapshotIndex"), s.snapshotIndex);
        field(diff, "snapshotTerm", SpecMessages.num(st, "snapshotTerm"), s.snapshotTerm);
        field(diff, "commitIndex", SpecMessages.num(st, "commitIndex"), s.commitIndex);
        List<Entry> log = st.containsKey("log") && st.get("log") != null ? SpecMessages.entries(st.get("log")) : logBefore;
        if (!SpecMessages.sameEntries(log, s.live())) {
            diff.append(" log ").append(log).append(" (spec: ").append(s.live()).append(')');
        }
        if (st.containsKey("votesGranted")) {
            // A candidate may record the votes it counted; they must be the spec's (CandidateStateMatches).
            Set<Integer> recorded = new TreeSet<>();
            if (st.get("votesGranted") instanceof List<?> l) {
                for (Object o : l) {
                    recorded.add(o instanceof Number x ? x.intValue() : -1);
                }
            }
            if (!s.role.equals("Candidate") || !recorded.equals(s.votes)) {
                diff.append(" votesGranted ").append(st.get("votesGranted")).append(" (spec: ")
                    .append(s.role.equals("Candidate") ? new TreeSet<>(s.votes) : "not a candidate").append(')');
            }
        }
        if (s.role.equals("Leader")) {
            Map<String, Object> next = st.get("nextIndex") == null ? null : SpecMessages.asMap(st.get("nextIndex"));
            Map<String, Object> match = st.get("matchIndex") == null ? null : SpecMessages.asMap(st.get("matchIndex"));
            for (int j : servers) {
                if (j == s.id) {
                    continue;
                }
                String key = Integer.toString(j);
                if (next == null || match == null || !(next.get(key) instanceof Number n) || !(match.get(key) instanceof Number m)
                        || n.longValue() != s.nextIndex.getOrDefault(j, 0L) || m.longValue() != s.matchIndex.getOrDefault(j, 0L)) {
                    diff.append(" nextIndex/matchIndex of ").append(j).append(" (spec: ").append(s.nextIndex.get(j))
                        .append('/').append(s.matchIndex.get(j)).append(')');
                }
            }
        }
        if (!diff.isEmpty()) {
            throw new FoldException(action + " at server " + s.id + " records" + diff);
        }
    }

    private static void field(StringBuilder diff, String name, long recorded, long spec) {
        if (recorded != spec) {
            diff.append(' ').append(name).append(' ').append(recorded).append(" (spec: ").append(spec).append(')');
        }
    }
}
