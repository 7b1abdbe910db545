package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.Checkpoint;
import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.pbft.PbftMessage.ViewChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The view-change proofs (the content; signatures are {@link Authenticity}'s): whether a
 * ViewChange's checkpoint proof and prepared certificates hold, and the PrePrepares a NewView
 * must carry, computed from its ViewChanges exactly as the paper does. The new primary and every
 * backup checking a NewView use this one computation.
 */
final class NewViewRule {
    private final Quorums q;

    NewViewRule(Quorums q) {
        this.q = q;
    }

    /** True when {@code d} names request {@code r}: its digest, or {@link Digests#NULL} for no request. */
    static boolean digestMatches(String d, ClientRequest r) {
        return r == null ? Digests.NULL.equals(d) : Digests.request(r.clientId(), r.seq(), r.op()).equals(d);
    }

    /** True when {@code vc}'s checkpoint proof and prepared certificates hold. */
    boolean valid(ViewChange vc) {
        if (!q.servers.contains(vc.replica()) || vc.stable() < 0) {
            return false;
        }
        if (!checkpointProof(vc.stable(), vc.proof())) {
            return false;
        }
        Set<Long> seqs = new HashSet<>();
        for (PreparedCertificate c : vc.prepared()) {
            PrePrepare pp = c.prePrepare();
            if (pp == null || pp.seq() <= vc.stable() || pp.view() >= vc.view() || !seqs.add(pp.seq())
                    || !certificate(c)) {
                return false;
            }
        }
        return true;
    }

    /** 2f+1 Checkpoints for {@code stable} with one state from distinct replicas (none for 0). */
    boolean checkpointProof(long stable, List<Checkpoint> proof) {
        if (stable == 0) {
            return proof.isEmpty();
        }
        Set<Integer> from = new HashSet<>();
        String state = proof.isEmpty() ? null : proof.get(0).state();
        for (Checkpoint c : proof) {
            if (c.seq() != stable || !c.state().equals(state) || !q.servers.contains(c.replica())
                    || !from.add(c.replica())) {
                return false;
            }
        }
        return from.size() >= q.quorum();
    }

    /** A PrePrepare by its view's primary, matching its request, and enough matching Prepares from distinct backups. */
    boolean certificate(PreparedCertificate c) {
        PrePrepare pp = c.prePrepare();
        if (pp.replica() != q.primary(pp.view()) || !digestMatches(pp.digest(), pp.request())) {
            return false;
        }
        Set<Integer> from = new HashSet<>();
        for (Prepare p : c.prepares()) {
            if (p.view() != pp.view() || p.seq() != pp.seq() || !p.digest().equals(pp.digest())
                    || p.replica() == pp.replica() || !q.servers.contains(p.replica()) || !from.add(p.replica())) {
                return false;
            }
        }
        return from.size() >= q.prepares();
    }

    /** The highest stable checkpoint among {@code vcs} (min-s). */
    static long minS(List<ViewChange> vcs) {
        long m = 0;
        for (ViewChange vc : vcs) {
            m = Math.max(m, vc.stable());
        }
        return m;
    }

    /**
     * The unsigned PrePrepares of view {@code view}'s primary for seq in (min-s, max-s]: the
     * request of the prepared certificate with the highest view, else the null request.
     */
    List<PrePrepare> prePrepares(long view, List<ViewChange> vcs) {
        long minS = minS(vcs);
        TreeMap<Long, PrePrepare> best = new TreeMap<>();
        for (ViewChange vc : vcs) {
            for (PreparedCertificate c : vc.prepared()) {
                PrePrepare pp = c.prePrepare();
                PrePrepare old = best.get(pp.seq());
                if (pp.seq() > minS && (old == null || pp.view() > old.view())) {
                    best.put(pp.seq(), pp);
                }
            }
        }
        long maxS = best.isEmpty() ? minS : Math.max(minS, best.lastKey());
        int primary = q.primary(view);
        List<PrePrepare> out = new ArrayList<>();
        for (long s = minS + 1; s <= maxS; s++) {
            PrePrepare pp = best.get(s);
            out.add(pp == null ? new PrePrepare(view, s, Digests.NULL, null, primary, null)
                    : new PrePrepare(view, s, pp.digest(), pp.request(), primary, null));
        }
        return out;
    }

    /**
     * True when {@code nv} is well formed: by its view's primary, 2f+1 valid ViewChanges for its
     * view from distinct replicas, and exactly the PrePrepares they determine.
     */
    boolean check(NewView nv) {
        if (nv.replica() != q.primary(nv.view())) {
            return false;
        }
        Set<Integer> from = new HashSet<>();
        for (ViewChange vc : nv.viewChanges()) {
            if (vc.view() != nv.view() || !from.add(vc.replica()) || !valid(vc)) {
                return false;
            }
        }
        if (from.size() < q.quorum()) {
            return false;
        }
        List<PrePrepare> expected = prePrepares(nv.view(), nv.viewChanges());
        if (expected.size() != nv.prePrepares().size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(nv.prePrepares().get(i).withSig(null))) {
                return false;
            }
        }
        return true;
    }
}
