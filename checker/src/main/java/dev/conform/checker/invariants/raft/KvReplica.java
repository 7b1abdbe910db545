package dev.conform.checker.invariants.raft;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The key-value store Raft replicates, folded over log entries exactly as specs/lib/KvStore.tla
 * defines it (KvApply, KvApplied, KvAnswer): data, and per client the last sequence number
 * applied with its result. Results are strings or null (JSON null). Mutable; {@link #copy}.
 */
public final class KvReplica {
    /** A client's last command applied and its result (null: JSON null). */
    public record Session(long seq, String result) {
    }

    private final Map<String, String> data;
    private final Map<Integer, Session> sessions;

    public KvReplica() {
        this(new HashMap<>(), new HashMap<>());
    }

    /** A store with this data and these sessions (copied). */
    public static KvReplica of(Map<String, String> data, Map<Integer, Session> sessions) {
        return new KvReplica(new HashMap<>(data), new HashMap<>(sessions));
    }

    /** The data, read-only. */
    public Map<String, String> data() {
        return java.util.Collections.unmodifiableMap(data);
    }

    /** The sessions, read-only. */
    public Map<Integer, Session> sessions() {
        return java.util.Collections.unmodifiableMap(sessions);
    }

    private KvReplica(Map<String, String> data, Map<Integer, Session> sessions) {
        this.data = data;
        this.sessions = sessions;
    }

    KvReplica copy() {
        return new KvReplica(new HashMap<>(data), new HashMap<>(sessions));
    }

    /** The store after applying entries from+1 .. to of log (1-based; null entries: unknown). */
    static KvReplica fold(KvReplica from, List<Entry> log, long a, long b) {
        KvReplica st = from;
        for (long k = a + 1; k <= b; k++) {
            Entry e = log.get((int) (k - 1));
            if (e == null) {
                throw new IllegalStateException("entry " + k + " is not known");
            }
            st.apply(String.valueOf(e.value()));
        }
        return st;
    }

    /** KvApply: a retry (sequence number not above the client's last) changes nothing. */
    public void apply(String value) {
        KvCommandText c = KvCommandText.parse(value);
        if (c.kind().equals("invalid")) {
            return;
        }
        Session last = sessions.get(c.client());
        if (last != null && c.seq() <= last.seq()) {
            return;
        }
        String result = switch (c.kind()) {
            case "put", "append" -> null;
            case "get" -> data.get(c.key());
            case "cas" -> Boolean.toString(casMatches(c));
            default -> "error: not a key-value command: '" + c.op() + "'";
        };
        if (c.kind().equals("put") || c.kind().equals("cas") && result.equals("true")) {
            data.put(c.key(), c.val());
        } else if (c.kind().equals("append")) {
            data.merge(c.key(), c.val(), String::concat);
        }
        sessions.put(c.client(), new Session(c.seq(), result));
    }

    private boolean casMatches(KvCommandText c) {
        return c.exp().equals("-") ? !data.containsKey(c.key()) : c.exp().equals(data.get(c.key()));
    }

    /** KvApplied: client c's command seq (or a later one of c) was applied. */
    boolean applied(int client, long seq) {
        Session s = sessions.get(client);
        return s != null && seq <= s.seq();
    }

    /** KvAnswer: the result of c's command seq when it is c's last one applied, else null. */
    String answer(int client, long seq) {
        Session s = sessions.get(client);
        return s != null && s.seq() == seq ? s.result() : null;
    }

    static boolean sameResult(String a, String b) {
        return Objects.equals(a, b);
    }
}
