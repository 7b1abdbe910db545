package dev.conform.checker.invariants.raft;

import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.TraceMessage;

import java.util.Map;

/**
 * What clients see, as TraceRaft.tla checks it: the three handlers of a delivered client request
 * (ClientRequest appends a command not applied yet; RedirectClient, by a server that does not
 * lead, owes a failure reply; AnswerFromSession, by a leader, owes the session table's answer
 * for an applied command) and the replies a server sends: one it owes, a success for a committed
 * entry it applies as leader (with the store's answer after that entry), or a failure.
 */
final class ClientReplies {
    private ClientReplies() {
    }

    static void handle(SpecServer s, String action, TraceMessage p) {
        Map<String, Object> b = SpecMessages.body(p);
        int client = (int) SpecMessages.num(b, "clientId");
        long seq = SpecMessages.num(b, "seq");
        switch (action) {
            case "ClientRequest" -> {
                KvReplica st = s.committedStore();
                if (!s.role.equals("Leader") || st.applied(client, seq)) {
                    throw new FoldException("server " + s.id + " (" + s.role + ") appends client " + client
                        + "'s command " + seq + (s.role.equals("Leader") ? ", which it applied already" : ""));
                }
                s.applied = s.commitIndex;
                s.kv = st;
                s.full.add(new Entry(s.term, client + ":" + seq + ":" + b.get("op")));
            }
            case "RedirectClient" -> {
                if (s.role.equals("Leader")) {
                    throw new FoldException("server " + s.id + " leads but redirects client " + client);
                }
                s.owed = new SpecServer.OwedReply(client, seq, false, null);
            }
            default -> {
                KvReplica st = s.committedStore();
                if (!s.role.equals("Leader") || !st.applied(client, seq)) {
                    throw new FoldException("server " + s.id + " answers client " + client + "'s command " + seq
                        + " from its sessions, but " + (s.role.equals("Leader") ? "has not applied it" : "does not lead"));
                }
                s.applied = s.commitIndex;
                s.kv = st;
                s.owed = new SpecServer.OwedReply(client, seq, true, st.answer(client, seq));
            }
        }
    }

    static void send(SpecServer s, TraceMessage m) {
        Map<String, Object> b = SpecMessages.body(m);
        long seq = SpecMessages.num(b, "seq");
        boolean ok = SpecMessages.bool(b, "ok");
        Object v = b.get("value");
        String result = v == null ? null : String.valueOf(v);
        int client = m.to();
        SpecServer.OwedReply o = s.owed;
        if (o != null) {
            if (o.client() != client || o.seq() != seq || o.ok() != ok || ok && !KvReplica.sameResult(o.result(), result)) {
                throw new FoldException("server " + s.id + " replies " + b + " to client " + client + " but owes " + o);
            }
            s.owed = null;
            return;
        }
        if (!s.outbox.isEmpty()) {
            throw new FoldException("server " + s.id + " replies to client " + client + " before sending " + s.outbox.get(0));
        }
        if (!ok) {
            return;
        }
        if (!s.role.equals("Leader")) {
            throw new FoldException("server " + s.id + " (" + s.role + ") replies success to client " + client);
        }
        for (long k = s.applied + 1; k <= s.commitIndex; k++) {
            KvCommandText c = KvCommandText.parse(String.valueOf(s.at(k).value()));
            if (c.client() == client && c.seq() == seq) {
                KvReplica st = KvReplica.fold(s.kv.copy(), s.full, s.applied, k);
                if (KvReplica.sameResult(st.answer(client, seq), result)) {
                    s.applied = k;
                    s.kv = st;
                    return;
                }
            }
        }
        throw new FoldException("server " + s.id + " replies success " + (result == null ? "(null)" : "'" + result + "'")
            + " to client " + client + "'s command " + seq + ", but no committed entry it has yet to apply (indices "
            + (s.applied + 1) + ".." + s.commitIndex + ") gives that answer");
    }
}
