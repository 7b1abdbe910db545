package dev.conform.checker.invariants.pbft;

import static dev.conform.checker.invariants.pbft.Statements.list;
import static dev.conform.checker.invariants.pbft.Statements.map;
import static dev.conform.checker.invariants.pbft.Statements.num;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.pbft.PbftTraceState.Known;
import dev.conform.checker.invariants.pbft.PbftTraceState.Replica;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * State transfer in a trace (specs/pbft/README.md): an honest replica asks (StateRequest) only
 * for a checkpoint seq above what it executed; it answers (StateReply) only from a stable
 * checkpoint at or above the asked seq, with a state it recorded there, a proof certifying it and
 * a snapshot with that digest; it installs (InstallState) only a reply it asked for (at or above a
 * seq it asked for), above what it executed, whose proof is 2f+1 matching Checkpoints from
 * distinct replicas and whose snapshot hashes to the certified state, and then records executed =
 * h = that seq and that state. The snapshot's digest is recomputed here (the TLA+ trace spec
 * cannot). After the install, the requests honest replicas committed at or below that seq count as
 * executed by the replica (owed Replies: {@link Obligations}).
 */
final class StateTransferCheck {
    private StateTransferCheck() {
    }

    /** An honest replica's StateRequest or StateReply send. */
    static void send(PbftTraceState s, int from, Map<String, Object> body, Known k) {
        Replica r = s.replicas.get(from);
        long seq = num(body, "seq");
        String at = "replica " + from + " sends " + body.get("type") + "(" + seq + ")";
        if ("StateRequest".equals(body.get("type"))) {
            if (seq <= r.executed || seq % s.checkpointEvery != 0) {
                throw new FoldException(at + " having executed " + r.executed + " (K = " + s.checkpointEvery + ")");
            }
            k.asked.add(seq);
            return;
        }
        if (!Objects.equals(k.states.get(seq), body.get("state"))) {
            s.violate("CheckpointSafety", at + " with state " + body.get("state") + " where it recorded "
                    + k.states.get(seq));
        }
        String bad = certificate(s, body);
        if (bad != null) {
            s.violate("CheckpointSafety", at + " whose " + bad);
        }
    }

    /** HandleStateRequest: only from a stable checkpoint at or above the asked seq. */
    static void answer(String at, Replica old, Map<String, Object> msg) {
        if (msg == null || num(msg, "seq") > old.h) {
            throw new FoldException(at + " answers a StateRequest for seq " + (msg == null ? "?" : msg.get("seq"))
                    + " above its stable checkpoint " + old.h);
        }
    }

    /** InstallState of reply {@code msg}: checked, then the installed state counts as reached at its seq. */
    static void install(PbftTraceState s, String at, Known k, Replica old, Replica now, Map<String, Object> msg) {
        long seq = num(msg, "seq");
        Object state = msg.get("state");
        if (seq <= old.executed) {
            s.violate("CheckpointSafety", at + " installs the state of seq " + seq + " having executed " + old.executed);
        }
        if (k.asked.stream().noneMatch(a -> a <= seq)) {
            s.violate("CheckpointSafety", at + " installs the state of seq " + seq + ", at or above no seq it asked for");
        }
        String bad = certificate(s, msg);
        if (bad != null) {
            s.violate("CheckpointSafety", at + " installs a StateReply whose " + bad);
        }
        if (now.executed != seq || now.h != seq || !Objects.equals(now.state, state)) {
            throw new FoldException(at + " records executed " + now.executed + ", h " + now.h + ", state " + now.state
                    + " after installing seq " + seq + " with state " + state);
        }
        k.states.put(seq, now.state);
        // the snapshot holds the results of what honest replicas committed up to seq: their Replies are not owed again
        s.committed.forEach((n, digest) -> {
            if (n <= seq) {
                k.ran.add(digest);
            }
        });
        String first = s.states.putIfAbsent(seq, now.state);
        if (first != null && !first.equals(now.state)) {
            s.violate("CheckpointSafety", at + " installs state " + now.state + " at seq " + seq
                    + " where an honest replica reached " + first);
        }
    }

    /** Null when the reply's proof certifies (seq, state) and its snapshot hashes to state, else what is wrong. */
    private static String certificate(PbftTraceState s, Map<String, Object> reply) {
        long seq = num(reply, "seq");
        Object state = reply.get("state");
        Set<Integer> from = new HashSet<>();
        for (Object o : list(reply.get("proof"))) {
            Map<String, Object> c = map(o);
            if (!"Checkpoint".equals(c.get("type")) || num(c, "seq") != seq || !Objects.equals(c.get("state"), state)
                    || !s.servers.contains((int) num(c, "replica"))) {
                return "proof holds " + c.get("type") + "(" + c.get("seq") + ", " + c.get("state") + ") of "
                        + c.get("replica") + ", not a Checkpoint(" + seq + ", " + state + ") of a replica";
            }
            from.add((int) num(c, "replica"));
        }
        if (from.size() < 2 * s.f + 1) {
            return "proof has Checkpoints of " + from + " only, not 2f+1 = " + (2 * s.f + 1);
        }
        String digest = Statements.stateDigest(reply.get("snapshot"));
        if (!digest.equals(state)) {
            return "snapshot hashes to " + digest + ", not to the certified state " + state;
        }
        return null;
    }
}
