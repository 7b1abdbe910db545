package dev.conform.checker.invariants.pbft;

import static dev.conform.checker.invariants.pbft.Statements.list;
import static dev.conform.checker.invariants.pbft.Statements.map;
import static dev.conform.checker.invariants.pbft.Statements.num;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.pbft.PbftTraceState.Entry;
import dev.conform.checker.invariants.pbft.PbftTraceState.Replica;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The frame of each honest replica step: what an action may change of the recorded state and
 * what an honest send must agree with. Only Execute changes executed and the state digest; only
 * StartViewChange, SendNewView and HandleNewView change the view; InstallState (state transfer)
 * moves executed, the state digest and h together; h moves only where checkpoints
 * are taken in (to a multiple of K the replica executed); a log entry changes only to a
 * PrePrepare the replica accepts in that step. A step outside the frame cannot happen.
 */
final class PbftSteps {
    private static final Set<String> MOVE_H = Set.of("Execute", "HandleCheckpoint", "HandleViewChange", "HandleNewView",
            "InstallState");
    /** The actions that change executed and the state digest. */
    private static final Set<String> EXECUTES = Set.of("Execute", "InstallState");

    private PbftSteps() {
    }

    static void check(PbftTraceState s, String action, String at, Replica old, Replica now, Map<String, Object> msg) {
        boolean execute = EXECUTES.contains(action);
        if (!execute && old.state != null && !Objects.equals(old.state, now.state)) { // null: no action yet
            throw new FoldException(at + " changes the state digest from " + old.state + " to " + now.state);
        }
        if (now.h != old.h && (!MOVE_H.contains(action) || now.h % s.checkpointEvery != 0 || now.h > now.executed)) {
            throw new FoldException(at + " moves h from " + old.h + " to " + now.h + " (executed " + now.executed
                    + ", K = " + s.checkpointEvery + ")");
        }
        view(action, at, old, now, msg);
        Map<Long, String> accepted = accepted(s, action, old, now, msg);
        for (Map.Entry<Long, Entry> e : now.log.entrySet()) {
            long seq = e.getKey();
            if (seq <= now.h || seq > now.h + s.window) {
                throw new FoldException(at + " records log entry " + seq + " outside (h, h+L] = (" + now.h + ", "
                        + (now.h + s.window) + "]");
            }
            Entry before = old.log.get(seq);
            String nowKey = e.getValue().view() + "/" + e.getValue().digest();
            boolean same = before != null && nowKey.equals(before.view() + "/" + before.digest());
            if (!same && !nowKey.equals(accepted.get(seq))) {
                throw new FoldException(at + " records log entry " + seq + " as view/digest " + nowKey
                        + ", which it did not accept in this step");
            }
        }
    }

    private static void view(String action, String at, Replica old, Replica now, Map<String, Object> msg) {
        boolean ok = switch (action) {
            case "StartViewChange" -> now.view > old.view && now.changing;
            case "SendNewView" -> now.view == old.view && old.changing && !now.changing;
            case "HandleNewView" -> msg != null && now.view == num(msg, "view") && !now.changing;
            default -> now.view == old.view && now.changing == old.changing;
        };
        if (!ok) {
            throw new FoldException(at + " moves from view " + old.view + (old.changing ? " (changing)" : "")
                    + " to " + now.view + (now.changing ? " (changing)" : ""));
        }
    }

    /** seq -> "view/digest" of the PrePrepares the replica may take into its log in this step. */
    private static Map<Long, String> accepted(PbftTraceState s, String action, Replica old, Replica now,
                                              Map<String, Object> msg) {
        Map<Long, String> out = new HashMap<>();
        if (msg == null) {
            if ("SendNewView".equals(action)) {
                now.log.forEach((seq, e) -> out.put(seq, now.view + "/" + e.digest())); // checked at its NewView send
            }
            return out;
        }
        switch (action) {
            case "HandlePrePrepare" -> out.put(num(msg, "seq"), num(msg, "view") + "/" + msg.get("digest"));
            case "HandleNewView" -> {
                for (Object o : list(msg.get("prePrepares"))) {
                    Map<String, Object> pp = map(o);
                    out.put(num(pp, "seq"), num(pp, "view") + "/" + pp.get("digest"));
                }
            }
            case "ReceiveRequest" -> {
                if (Statements.digestMatches(msg.get("digest"), msg)) {
                    for (long seq : now.log.keySet()) {
                        out.put(seq, now.view + "/" + msg.get("digest")); // checked at its PrePrepare send
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    /** What an honest replica's send must agree with: its recorded state and what it accepted. */
    static void send(PbftTraceState s, int from, Map<String, Object> body, PbftTraceState.Known k) {
        Replica r = s.replicas.get(from);
        String type = String.valueOf(body.get("type"));
        String at = "replica " + from + " sends " + type;
        // a ViewChange may be for a view below the own: the answer to a replica still asking for it
        // (the trace spec's OwnOk: view <= its view); every other statement is of its view
        boolean lower = "ViewChange".equals(type) && body.containsKey("view") && num(body, "view") < r.view;
        if (body.containsKey("view") && !"Reply".equals(type) && num(body, "view") != r.view && !lower) {
            throw new FoldException(at + " of view " + body.get("view") + " in view " + r.view);
        }
        switch (type) {
            case "PrePrepare" -> {
                Entry e = r.log.get(num(body, "seq"));
                if (e == null || e.view() != r.view || !Objects.equals(e.digest(), body.get("digest"))
                        || !Statements.digestMatches(body.get("digest"), body.get("request"))) {
                    throw new FoldException(at + "(" + body.get("seq") + ", " + body.get("digest")
                            + ") that is not its log entry or not its request's digest");
                }
            }
            case "Prepare" -> {
                Map<String, Object> pp = k.prePrepares.get(num(body, "view") + "/" + num(body, "seq"));
                if (pp == null || !Objects.equals(pp.get("digest"), body.get("digest"))) {
                    throw new FoldException(at + "(" + body.get("view") + "/" + body.get("seq") + "/" + body.get("digest")
                            + ") without having accepted that PrePrepare");
                }
            }
            case "Checkpoint" -> {
                if (num(body, "seq") != r.executed || !Objects.equals(body.get("state"), r.state)) {
                    throw new FoldException(at + "(" + body.get("seq") + ", " + body.get("state")
                            + ") but executed " + r.executed + " with state " + r.state);
                }
            }
            case "ViewChange" -> {
                if (num(body, "stable") != r.h) {
                    throw new FoldException(at + " with stable " + body.get("stable") + " but h = " + r.h);
                }
                String bad = s.views.viewChange(body);
                if (bad != null) {
                    throw new FoldException(at + " where " + bad);
                }
                Map<Long, Long> certified = new HashMap<>();
                for (Object c : list(body.get("prepared"))) {
                    Map<String, Object> pp = map(map(c).get("prePrepare"));
                    certified.put(num(pp, "seq"), num(pp, "view"));
                }
                r.log.forEach((seq, e) -> {
                    if (e.prepared() && certified.getOrDefault(seq, -1L) < e.view()) {
                        s.violate("PreparedCertificate", at + " for view " + body.get("view") + " without the certificate of"
                                + " seq " + seq + " it holds prepared in view " + e.view());
                    }
                });
            }
            case "NewView" -> {
                String bad = s.views.newView(body);
                if (bad != null) {
                    s.violate("NewViewChecked", at + " for view " + body.get("view") + " where " + bad);
                }
            }
            case "StateRequest", "StateReply" -> StateTransferCheck.send(s, from, body, k);
            default -> { }
        }
    }
}
