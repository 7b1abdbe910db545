package dev.conform.algorithms.pbft;

import dev.conform.algorithms.pbft.PbftMessage.Checkpoint;
import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.pbft.PbftMessage.StateReply;
import dev.conform.algorithms.pbft.PbftMessage.ViewChange;

/**
 * Whether every statement a receiver would use in a message verifies against its claimed signer
 * (top level and embedded). A message failing this is consumed as {@code Unauthenticated}. The
 * flaw unchecked-new-view verifies a NewView's own signature and its PrePrepares only: the
 * ViewChanges it carries go unread.
 */
final class Authenticity {
    private final KeyRing keys;
    private final boolean uncheckedNewView;

    Authenticity(KeyRing keys, boolean uncheckedNewView) {
        this.keys = keys;
        this.uncheckedNewView = uncheckedNewView;
    }

    boolean check(PbftMessage m) {
        if (!keys.verify(m)) {
            return false;
        }
        if (m instanceof PrePrepare pp) {
            return pp.request() == null || keys.verify(pp.request());
        }
        if (m instanceof ViewChange vc) {
            return viewChange(vc);
        }
        if (m instanceof StateReply sr) {
            for (Checkpoint c : sr.proof()) {
                if (!keys.verify(c)) {
                    return false;
                }
            }
        }
        if (m instanceof NewView nv) {
            for (PrePrepare pp : nv.prePrepares()) {
                if (!check(pp)) {
                    return false;
                }
            }
            if (!uncheckedNewView) {
                for (ViewChange vc : nv.viewChanges()) {
                    if (!keys.verify(vc) || !viewChange(vc)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean viewChange(ViewChange vc) {
        for (Checkpoint c : vc.proof()) {
            if (!keys.verify(c)) {
                return false;
            }
        }
        for (PreparedCertificate c : vc.prepared()) {
            if (c.prePrepare() == null || !check(c.prePrepare())) {
                return false;
            }
            for (Prepare p : c.prepares()) {
                if (!keys.verify(p)) {
                    return false;
                }
            }
        }
        return true;
    }
}
