package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The counting rules of PBFT for n = 3f+1 replicas, in one place: who is primary, when a slot is
 * prepared and committed-local, and what makes a prepared certificate. The flaw prepared-2f
 * lowers the Prepares a certificate needs from 2f to 2f-1.
 */
final class Quorums {
    final List<Integer> servers;
    final int f;
    private final boolean prepared2f;

    Quorums(List<Integer> servers, boolean prepared2f) {
        this.servers = List.copyOf(servers);
        this.f = PbftOptions.faults(servers.size());
        this.prepared2f = prepared2f;
    }

    /** The primary of view {@code v}: the server at index v mod n of the sorted server list. */
    int primary(long v) {
        return servers.get((int) Math.floorMod(v, (long) servers.size()));
    }

    /** Prepares from distinct backups a prepared certificate needs: 2f (flaw prepared-2f: 2f-1). */
    int prepares() {
        return prepared2f ? 2 * f - 1 : 2 * f;
    }

    /** A quorum: 2f+1 (Commits, Checkpoints, ViewChanges). */
    int quorum() {
        return 2 * f + 1;
    }

    /** The Prepares for {@code pp} from backups (not its primary), by replica. */
    List<Prepare> backupPrepares(PrePrepare pp, Map<Integer, Prepare> prepares) {
        List<Prepare> out = new ArrayList<>();
        for (Prepare p : prepares.values()) {
            if (p.replica() != pp.replica() && servers.contains(p.replica())) {
                out.add(p);
            }
        }
        return out;
    }

    /** True when {@code slot} has an accepted PrePrepare in {@code view} and enough matching Prepares. */
    boolean prepared(Slot slot, long view) {
        PrePrepare pp = slot.prePrepares.get(view);
        return pp != null && backupPrepares(pp, slot.prepares(view, pp.digest())).size() >= prepares();
    }

    /** Prepared and 2f+1 matching Commits from distinct replicas (its own counts). */
    boolean committed(Slot slot, long view) {
        PrePrepare pp = slot.prePrepares.get(view);
        return prepared(slot, view) && slot.commits(view, pp.digest()).size() >= quorum();
    }

    /** The prepared certificate of {@code slot} in {@code view} (the first Prepares by replica id), or null. */
    PreparedCertificate certificate(Slot slot, long view) {
        if (!prepared(slot, view)) {
            return null;
        }
        PrePrepare pp = slot.prePrepares.get(view);
        List<Prepare> ps = backupPrepares(pp, slot.prepares(view, pp.digest()));
        return new PreparedCertificate(pp, ps.subList(0, prepares()));
    }
}
