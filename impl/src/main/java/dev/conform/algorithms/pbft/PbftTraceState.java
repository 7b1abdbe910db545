package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state every replica action records (specs/pbft/README.md, "Recorded state"):
 * {@code {view, changing, h, executed, log, state}}, where {@code log} maps each seq in
 * (h, h+L] with an accepted PrePrepare to {@code {view, digest, prepared, committed}} of the
 * highest view it accepted one in (prepared and committed-local in that view), and {@code state}
 * is the key-value store's digest after {@code executed}.
 */
final class PbftTraceState {
    Map<String, Object> of(PbftReplica r) {
        Map<String, Object> s = new LinkedHashMap<>(8);
        s.put("view", r.view);
        s.put("changing", r.changing);
        s.put("h", r.h);
        s.put("executed", r.executed);
        Map<String, Object> log = new LinkedHashMap<>();
        r.log.forEach((seq, slot) -> {
            PrePrepare pp = slot.latest();
            if (pp != null && r.inWindow(seq)) {
                Map<String, Object> e = new LinkedHashMap<>(4);
                e.put("view", pp.view());
                e.put("digest", pp.digest());
                e.put("prepared", r.q.prepared(slot, pp.view()));
                e.put("committed", r.q.committed(slot, pp.view()));
                log.put(Long.toString(seq), e);
            }
        });
        s.put("log", log);
        s.put("state", r.stateDigest);
        return s;
    }
}
