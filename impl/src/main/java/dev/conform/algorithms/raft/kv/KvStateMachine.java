package dev.conform.algorithms.raft.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.algorithms.raft.ClientCommand;
import dev.conform.algorithms.raft.RaftFlaws;
import dev.conform.algorithms.raft.StateMachine;
import java.util.Map;
import java.util.TreeMap;

/**
 * The replicated key-value store. Besides the data it keeps one session per client: the last
 * sequence number applied and its result. A command whose sequence number is not above the
 * client's last one is a retry already applied (a client has one command outstanding at a
 * time), so it is not applied again and the stored result is returned: exactly-once semantics
 * on top of at-least-once delivery (section 6.3 of the Raft dissertation).
 *
 * <p>Results: {@code put} and {@code append} return null, {@code get} the value (null when absent), {@code cas}
 * {@code "true"} or {@code "false"}. A malformed command is applied as a no-op whose result
 * starts with {@code "error: "}, so all servers stay in step.
 */
public final class KvStateMachine implements StateMachine {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The last applied command of one client. */
    public record Session(long seq, String result) {
    }

    /** The snapshot form, written as JSON. */
    public record Snapshot(Map<String, String> data, Map<Integer, Session> sessions) {
    }

    private final Map<String, String> data = new TreeMap<>();
    private final Map<Integer, Session> sessions = new TreeMap<>();
    private final RaftFlaws flaws;
    private long appliedCount;

    /** The correct store. */
    public KvStateMachine() {
        this(RaftFlaws.none());
    }

    /** A store whose session check goes through {@code flaws} ({@link RaftFlaws#isAppliedRetry}). */
    public KvStateMachine(RaftFlaws flaws) {
        this.flaws = flaws;
    }

    @Override
    public String apply(String command) {
        ClientCommand c = ClientCommand.decode(command);
        Session last = sessions.get(c.clientId());
        if (flaws.isAppliedRetry(last != null && c.seq() <= last.seq())) {
            return c.seq() == last.seq() ? last.result() : null;
        }
        String result = execute(c.op());
        if (last == null || c.seq() >= last.seq()) {
            sessions.put(c.clientId(), new Session(c.seq(), result));
        }
        appliedCount++;
        return result;
    }

    @Override
    public boolean readOnly(String op) {
        try {
            return KvCommand.parse(op).kind() == KvCommand.Kind.GET;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String query(String op) {
        return data.get(KvCommand.parse(op).key());
    }

    private String execute(String op) {
        KvCommand k;
        try {
            k = KvCommand.parse(op);
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
        switch (k.kind()) {
            case PUT:
                data.put(k.key(), k.value());
                return null;
            case GET:
                return data.get(k.key());
            case APPEND:
                data.merge(k.key(), k.value(), String::concat);
                return null;
            default:
                String current = data.get(k.key());
                boolean match = k.expected() == null ? current == null : k.expected().equals(current);
                if (match) {
                    data.put(k.key(), k.value());
                }
                return Boolean.toString(match);
        }
    }

    @Override
    public boolean applied(int clientId, long seq) {
        Session s = sessions.get(clientId);
        return s != null && seq <= s.seq();
    }

    @Override
    public String cachedResult(int clientId, long seq) {
        Session s = sessions.get(clientId);
        return s != null && s.seq() == seq ? s.result() : null;
    }

    @Override
    public String snapshot() {
        try {
            return JSON.writeValueAsString(new Snapshot(new TreeMap<>(data), new TreeMap<>(sessions)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write key-value snapshot", e);
        }
    }

    @Override
    public void restore(String snapshot) {
        data.clear();
        sessions.clear();
        if (snapshot == null) {
            return;
        }
        try {
            Snapshot s = JSON.readValue(snapshot, Snapshot.class);
            data.putAll(s.data());
            sessions.putAll(s.sessions());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a key-value snapshot: " + e.getOriginalMessage(), e);
        }
    }

    /** The value of {@code key}, null when absent (for tests and invariants). */
    public String read(String key) {
        return data.get(key);
    }

    /** A copy of the whole store. */
    public Map<String, String> contents() {
        return new TreeMap<>(data);
    }

    /** Commands applied since this object was created or restored (retries not counted). */
    public long appliedCount() {
        return appliedCount;
    }
}
