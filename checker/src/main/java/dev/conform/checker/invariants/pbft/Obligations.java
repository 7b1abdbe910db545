package dev.conform.checker.invariants.pbft;

import static dev.conform.checker.invariants.pbft.Statements.num;

import dev.conform.checker.invariants.pbft.PbftTraceState.Entry;
import dev.conform.checker.invariants.pbft.PbftTraceState.Replica;
import java.util.Map;

/**
 * What an honest replica's action owes (as the trace spec requires it of the runtime), from
 * its recorded states before and after and the message it consumed: the PrePrepare of a request
 * the primary takes into its log, the Prepare of each PrePrepare it accepts (alone or from a
 * NewView), the Commit of each entry that became prepared, the Checkpoint at every K-th Execute,
 * the Reply of a request's first execution, and the ViewChange or NewView of a view change step.
 */
final class Obligations {
    private Obligations() {
    }

    /**
     * Adds to {@code s.owed} what {@code action} of honest replica {@code i} owes; {@code ran} is
     * the digest of the entry an Execute executed (null for other actions).
     */
    static void of(PbftTraceState s, int i, String action, Replica old, Replica now, Map<String, Object> msg,
                   String ran) {
        OwedSends owed = s.owed;
        switch (action) {
            case "ReceiveRequest" -> now.log.forEach((n, x) -> {
                if (!x.sameSlot(old.log.get(n))) {
                    owed.toReplicas(i, action, "PrePrepare", slot(x.view(), n, x.digest()));
                }
            });
            case "HandlePrePrepare" -> {
                if (msg != null) {
                    owed.toReplicas(i, action, "Prepare", slot(num(msg, "view"), num(msg, "seq"), msg.get("digest")));
                }
            }
            case "HandleNewView" -> {
                if (msg != null) {
                    long v = num(msg, "view");
                    now.log.forEach((n, x) -> {
                        if (x.view() == v) {
                            owed.toReplicas(i, action, "Prepare", slot(v, n, x.digest()));
                        }
                    });
                }
            }
            case "Execute" -> executed(s, i, now, ran);
            case "StartViewChange" -> owed.toReplicas(i, action, "ViewChange", Map.of("view", now.view));
            case "ResendViewChange" -> owed.toReplicas(i, action, "ViewChange", Map.of("view", old.view));
            case "SendNewView" -> owed.toReplicas(i, action, "NewView", Map.of("view", now.view));
            default -> { }
        }
        now.log.forEach((n, x) -> {
            if (x.newlyPrepared(old.log.get(n))) {
                owed.toReplicas(i, action, "Commit", slot(x.view(), n, x.digest()));
            }
        });
    }

    /**
     * An Execute to a multiple of K owes its Checkpoint; the first execution of a request by this
     * replica (its store is durable, so over crashes too) owes the client the Reply, for the
     * authentic ClientRequest with the executed digest.
     */
    private static void executed(PbftTraceState s, int i, Replica now, String ran) {
        if (now.executed % s.checkpointEvery == 0) {
            s.owed.toReplicas(i, "Execute", "Checkpoint", Map.of("seq", now.executed, "state", now.state));
        }
        if (ran == null || "null".equals(ran) || !s.known.get(i).ran.add(ran)) {
            return;
        }
        Map<String, Object> request = s.requests.get(ran);
        if (request != null) { // none: Validity names the request its client never sent
            int client = (int) num(request, "clientId");
            s.owed.to(i, client, "Execute", "Reply", Map.of("clientId", client, "seq", num(request, "seq")));
        }
    }

    private static Map<String, Object> slot(long view, long seq, Object digest) {
        return Map.of("view", view, "seq", seq, "digest", String.valueOf(digest));
    }
}
