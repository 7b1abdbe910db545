package dev.conform.checker.invariants.pbft;

import static dev.conform.checker.invariants.pbft.Statements.list;
import static dev.conform.checker.invariants.pbft.Statements.map;
import static dev.conform.checker.invariants.pbft.Statements.num;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The view-change rules as the checker reads them from trace bodies (the spec's, written
 * independently of the implementation): a ViewChange's checkpoint proof and prepared certificates,
 * and a NewView's 2f+1 ViewChanges and the PrePrepares they determine. Returns why a message
 * fails, or null when it holds.
 */
final class NewViewCheck {
    private final List<Integer> servers;
    private final int f;

    NewViewCheck(List<Integer> servers) {
        this.servers = servers.stream().sorted().toList();
        this.f = (servers.size() - 1) / 3;
    }

    int primary(long view) {
        return servers.get((int) Math.floorMod(view, (long) servers.size()));
    }

    /** Why {@code nv} is not a NewView an honest backup may accept, or null. */
    String newView(Map<String, Object> nv) {
        long view = num(nv, "view");
        if (num(nv, "replica") != primary(view)) {
            return "it is signed by " + nv.get("replica") + ", not view " + view + "'s primary " + primary(view);
        }
        Set<Long> from = new HashSet<>();
        List<?> vcs = list(nv.get("viewChanges"));
        for (Object o : vcs) {
            Map<String, Object> vc = map(o);
            if (num(vc, "view") != view) {
                return "it carries a ViewChange for view " + vc.get("view");
            }
            if (!from.add(num(vc, "replica"))) {
                return "it carries two ViewChanges of replica " + vc.get("replica");
            }
            String bad = viewChange(vc);
            if (bad != null) {
                return "the ViewChange of replica " + vc.get("replica") + ": " + bad;
            }
        }
        if (from.size() < 2 * f + 1) {
            return "it carries ViewChanges of " + from.size() + " replicas, not 2f+1 = " + (2 * f + 1);
        }
        List<String> expected = prePrepares(view, vcs);
        List<?> got = list(nv.get("prePrepares"));
        if (got.size() != expected.size()) {
            return "it carries " + got.size() + " PrePrepares where its ViewChanges determine " + expected.size();
        }
        for (int i = 0; i < got.size(); i++) {
            Map<String, Object> pp = map(got.get(i));
            String have = pp.get("view") + "/" + pp.get("seq") + "/" + pp.get("digest") + "/" + pp.get("replica")
                    + "/" + (pp.get("request") == null ? "null" : Statements.key(map(pp.get("request"))));
            if (!have.equals(expected.get(i))) {
                return "its PrePrepare " + (i + 1) + " is " + have + ", its ViewChanges determine " + expected.get(i);
            }
        }
        return null;
    }

    /** Why {@code vc}'s proofs do not hold, or null. */
    String viewChange(Map<String, Object> vc) {
        long stable = num(vc, "stable");
        List<?> proof = list(vc.get("proof"));
        if (stable == 0 ? !proof.isEmpty() : !checkpointProof(stable, proof)) {
            return "its checkpoint proof for " + stable + " does not hold";
        }
        Set<Long> seqs = new HashSet<>();
        for (Object o : list(vc.get("prepared"))) {
            Map<String, Object> cert = map(o);
            Map<String, Object> pp = map(cert.get("prePrepare"));
            long seq = num(pp, "seq");
            if (seq <= stable || num(pp, "view") >= num(vc, "view") || !seqs.add(seq)) {
                return "its certificate for seq " + seq + " is out of place";
            }
            if (num(pp, "replica") != primary(num(pp, "view")) || !Statements.digestMatches(pp.get("digest"), pp.get("request"))) {
                return "its certificate for seq " + seq + " has a PrePrepare not by its primary or not matching its request";
            }
            Set<Long> backups = new HashSet<>();
            for (Object p : list(cert.get("prepares"))) {
                Map<String, Object> pr = map(p);
                if (num(pr, "view") != num(pp, "view") || num(pr, "seq") != seq
                        || !Objects.equals(pr.get("digest"), pp.get("digest")) || num(pr, "replica") == num(pp, "replica")
                        || !servers.contains((int) num(pr, "replica")) || !backups.add(num(pr, "replica"))) {
                    return "its certificate for seq " + seq + " has a Prepare that does not match";
                }
            }
            if (backups.size() < 2 * f) {
                return "its certificate for seq " + seq + " has " + backups.size() + " Prepares, not 2f = " + 2 * f;
            }
        }
        return null;
    }

    private boolean checkpointProof(long stable, List<?> proof) {
        Set<Long> from = new HashSet<>();
        Object state = proof.isEmpty() ? null : map(proof.get(0)).get("state");
        for (Object o : proof) {
            Map<String, Object> c = map(o);
            if (num(c, "seq") != stable || !Objects.equals(c.get("state"), state)
                    || !servers.contains((int) num(c, "replica")) || !from.add(num(c, "replica"))) {
                return false;
            }
        }
        return from.size() >= 2 * f + 1;
    }

    /** "view/seq/digest/replica/request" of each PrePrepare the ViewChanges determine, by seq. */
    private List<String> prePrepares(long view, List<?> vcs) {
        long minS = 0;
        for (Object o : vcs) {
            minS = Math.max(minS, num(map(o), "stable"));
        }
        TreeMap<Long, Map<String, Object>> best = new TreeMap<>();
        for (Object o : vcs) {
            for (Object c : list(map(o).get("prepared"))) {
                Map<String, Object> pp = map(map(c).get("prePrepare"));
                long seq = num(pp, "seq");
                Map<String, Object> old = best.get(seq);
                if (seq > minS && (old == null || num(pp, "view") > num(old, "view"))) {
                    best.put(seq, pp);
                }
            }
        }
        long maxS = best.isEmpty() ? minS : Math.max(minS, best.lastKey());
        List<String> out = new java.util.ArrayList<>();
        for (long s = minS + 1; s <= maxS; s++) {
            Map<String, Object> pp = best.get(s);
            out.add(view + "/" + s + "/" + (pp == null ? "null" : pp.get("digest")) + "/" + primary(view) + "/"
                    + (pp == null || pp.get("request") == null ? "null" : Statements.key(map(pp.get("request")))));
        }
        return out;
    }
}
