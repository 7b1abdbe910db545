package dev.conform.algorithms.pbft;

import java.util.List;

/**
 * Proof that ({@code prePrepare.view}, {@code prePrepare.seq}, {@code prePrepare.digest}) prepared:
 * the primary's PrePrepare and 2f matching Prepares from distinct backups. A ViewChange carries
 * one per seq above its stable checkpoint.
 */
public record PreparedCertificate(PbftMessage.PrePrepare prePrepare, List<PbftMessage.Prepare> prepares) {
    public PreparedCertificate {
        prepares = List.copyOf(prepares);
    }
}
