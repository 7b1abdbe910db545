package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.JsonObjects;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.TraceMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trace messages as TraceRaft.tla's SpecMsg reads them: a map of the fields Raft.tla's message
 * records have (numbers as longs, entries as {@link Entry}), so that a recorded message and the
 * one the spec builds compare with {@code equals}. InstallSnapshot's data is left out (the trace
 * shows the store's image; the replay keeps the entries the sender compacted, by message id).
 */
final class SpecMessages {
    static final Set<String> RAFT = Set.of("RequestVote", "RequestVoteResponse", "AppendEntries",
        "AppendEntriesResponse", "InstallSnapshot", "InstallSnapshotResponse");
    static final Set<String> REQUESTS = Set.of("RequestVote", "AppendEntries", "InstallSnapshot");

    private SpecMessages() {
    }

    /** The body of m as a map (in-memory traces carry the runtime's message records). */
    static Map<String, Object> body(TraceMessage m) {
        return JsonObjects.asMap(m.body(), "message " + m.id() + "'s body");
    }

    static Map<String, Object> of(TraceMessage m) {
        Map<String, Object> b = body(m);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mtype", m.type());
        s.put("msource", (long) m.from());
        s.put("mdest", (long) m.to());
        s.put("term", num(b, "term"));
        switch (m.type()) {
            case "RequestVote" -> {
                s.put("lastLogIndex", num(b, "lastLogIndex"));
                s.put("lastLogTerm", num(b, "lastLogTerm"));
            }
            case "RequestVoteResponse" -> s.put("voteGranted", bool(b, "voteGranted"));
            case "AppendEntries" -> {
                s.put("prevLogIndex", num(b, "prevLogIndex"));
                s.put("prevLogTerm", num(b, "prevLogTerm"));
                s.put("entries", entries(b.get("entries")));
                s.put("leaderCommit", num(b, "leaderCommit"));
            }
            case "AppendEntriesResponse" -> {
                s.put("success", bool(b, "success"));
                s.put("matchIndex", num(b, "matchIndex"));
            }
            case "InstallSnapshot" -> {
                s.put("lastIncludedIndex", num(b, "lastIncludedIndex"));
                s.put("lastIncludedTerm", num(b, "lastIncludedTerm"));
            }
            case "InstallSnapshotResponse" -> s.put("matchIndex", num(b, "matchIndex"));
            default -> throw new FoldException("message " + m.id() + " of type " + m.type() + " is no Raft message");
        }
        return s;
    }

    /** A spec message record built from fields given in Raft.tla's order. */
    static Map<String, Object> spec(String type, int from, int to, long term, Object... fields) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mtype", type);
        s.put("msource", (long) from);
        s.put("mdest", (long) to);
        s.put("term", term);
        for (int i = 0; i < fields.length; i += 2) {
            Object v = fields[i + 1];
            s.put((String) fields[i], v instanceof Integer n ? (Object) n.longValue() : v);
        }
        return s;
    }

    /** A recorded list of {term, value} entries (values compared by text). */
    static List<Entry> entries(Object o) {
        if (!(o instanceof List<?> list)) {
            throw new FoldException("entries " + o + " are not a list");
        }
        List<Entry> out = new ArrayList<>(list.size());
        for (Object x : list) {
            Map<String, Object> m = asMap(x);
            if (!(m.get("term") instanceof Number t) || !m.containsKey("value")) {
                throw new FoldException("log entry " + x + " is not {term, value}");
            }
            out.add(new Entry(t.longValue(), String.valueOf(m.get("value"))));
        }
        return out;
    }

    static Map<String, Object> asMap(Object o) {
        return JsonObjects.asMap(o, "value");
    }

    static long num(Map<String, Object> m, String f) {
        if (m.get(f) instanceof Number n) {
            return n.longValue();
        }
        throw new FoldException("field \"" + f + "\" is missing or not a number: " + m.get(f));
    }

    static boolean bool(Map<String, Object> m, String f) {
        if (m.get(f) instanceof Boolean b) {
            return b;
        }
        throw new FoldException("field \"" + f + "\" is missing or not a boolean: " + m.get(f));
    }

    /** Entries compare by term and value text. */
    static boolean sameEntries(List<Entry> a, List<Entry> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).sameAs(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
