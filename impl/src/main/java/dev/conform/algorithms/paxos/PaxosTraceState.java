package dev.conform.algorithms.paxos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state every action records (specs/paxos/README.md, "Recorded state"), in full: ballot,
 * promised, leader, accepted ({@code {slot: [ballot, value]}} above the snapshot), chosen
 * ({@code {slot: value}} above the snapshot), applied and snapshotIndex.
 */
final class PaxosTraceState {
    Map<String, Object> of(PaxosNode n) {
        Acceptor a = n.acceptor;
        Map<String, Object> s = new LinkedHashMap<>(10);
        s.put("ballot", a.ballot());
        s.put("promised", a.promised());
        s.put("leader", n.proposer.leading());
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<Long, Acceptor.Pair> e : a.accepted().entrySet()) {
            List<Object> pair = new ArrayList<>(2);
            pair.add(e.getValue().ballot());
            pair.add(e.getValue().value());
            accepted.put(Long.toString(e.getKey()), pair);
        }
        s.put("accepted", accepted);
        Map<String, Object> chosen = new LinkedHashMap<>();
        for (Map.Entry<Long, String> e : n.learner.chosen().entrySet()) {
            chosen.put(Long.toString(e.getKey()), e.getValue());
        }
        s.put("chosen", chosen);
        s.put("applied", n.learner.applied());
        s.put("snapshotIndex", a.snapshotIndex());
        return s;
    }
}
