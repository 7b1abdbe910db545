package dev.conform.checker.invariants.erasure;

import dev.conform.checker.invariants.FoldException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coordinator's steps of specs/erasure, exactly, on its recorded metadata: StartWrite takes
 * the key's next version and makes it the client's one pending write (a retry supersedes the
 * earlier one); AckWrite, after W StoreAcks, removes it from pending, raises the key's committed
 * version and the client's session; AnswerFromSession answers a put at or below the session;
 * every other action changes none of it. Anything else is a step the spec does not allow.
 */
final class CoordinatorSteps {
    private CoordinatorSteps() {
    }

    /** The metadata the step of {@code action} gives, from the model in {@code s} and the delivered message {@code in}. */
    static Expected next(ErasureTraceState s, String action, Map<String, Object> in) {
        Expected x = new Expected(new TreeMap<>(s.nextVersion), new TreeMap<>(s.committed), new TreeMap<>(s.sessions),
                copy(s.pending));
        switch (action) {
            case "StartWrite" -> {
                String[] put = Recorded.command(in, "put");
                String client = Long.toString(Recorded.number(in, "clientId"));
                long seq = Recorded.number(in, "seq");
                if (seq <= x.sessions.getOrDefault(client, 0L)) {
                    throw new FoldException("StartWrite of client " + client + "'s put " + seq + ", which its session ("
                            + x.sessions.get(client) + ") says was acknowledged already");
                }
                long v = x.nextVersion.getOrDefault(put[1], 1L);
                x.nextVersion.put(put[1], v + 1);
                String previous = s.clientWrite.remove(client);
                if (previous != null) {
                    remove(x.pending, previous);
                }
                x.pending.computeIfAbsent(put[1], k -> new TreeSet<>()).add(v);
                String kv = ErasureTraceState.kv(put[1], v);
                s.clientWrite.put(client, kv);
                s.writer.put(kv, client + ":" + seq);
            }
            case "AnswerFromSession" -> {
                Recorded.command(in, "put");
                String client = Long.toString(Recorded.number(in, "clientId"));
                if (Recorded.number(in, "seq") > x.sessions.getOrDefault(client, 0L)) {
                    throw new FoldException("AnswerFromSession answers client " + client + "'s put " + in.get("seq")
                            + ", above its session " + x.sessions.getOrDefault(client, 0L));
                }
            }
            case "AckWrite" -> {
                String key = Recorded.text(in, "key");
                long v = Recorded.number(in, "version");
                String kv = ErasureTraceState.kv(key, v);
                String who = s.writer.get(kv);
                if (!x.pending.getOrDefault(key, new TreeSet<>()).contains(v) || who == null) {
                    throw new FoldException("AckWrite acknowledges version " + v + " of key " + key
                            + ", which is not a pending write");
                }
                remove(x.pending, kv);
                String client = who.substring(0, who.indexOf(':'));
                s.clientWrite.remove(client, kv);
                x.committed.merge(key, v, Math::max);
                x.sessions.merge(client, Long.parseLong(who.substring(who.indexOf(':') + 1)), Math::max);
            }
            default -> { }
        }
        return x;
    }

    /** Throws unless the recorded metadata is {@code x}; then makes {@code x}'s pending writes the model's. */
    static void check(ErasureTraceState s, String action, Expected x, Map<String, Long> nv, Map<String, Long> com,
                      Map<String, Long> ses, Map<String, TreeSet<Long>> pending) {
        if (!x.nextVersion.equals(nv) || !x.committed.equals(com) || !x.sessions.equals(ses) || !x.pending.equals(pending)) {
            throw new FoldException(action + " at the coordinator records nextVersion " + nv + ", committed " + com
                    + ", sessions " + ses + ", pending " + pending + "; the step gives " + x.nextVersion + ", "
                    + x.committed + ", " + x.sessions + ", " + x.pending);
        }
        s.pending.clear();
        s.pending.putAll(x.pending);
    }

    /** The coordinator's metadata after a step. */
    record Expected(Map<String, Long> nextVersion, Map<String, Long> committed, Map<String, Long> sessions,
                    Map<String, TreeSet<Long>> pending) {
    }

    private static void remove(Map<String, TreeSet<Long>> pending, String kv) {
        int slash = kv.lastIndexOf('/');
        String key = kv.substring(0, slash);
        TreeSet<Long> p = pending.get(key);
        if (p != null) {
            p.remove(Long.parseLong(kv.substring(slash + 1)));
            if (p.isEmpty()) {
                pending.remove(key);
            }
        }
    }

    private static Map<String, TreeSet<Long>> copy(Map<String, TreeSet<Long>> m) {
        Map<String, TreeSet<Long>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
        return out;
    }
}
