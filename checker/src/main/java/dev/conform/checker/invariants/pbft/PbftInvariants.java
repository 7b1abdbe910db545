package dev.conform.checker.invariants.pbft;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code pbft} traces, by the spec's names, over what {@link PbftFolder} rebuilds.
 * Honest replicas' actions and states are checked; a Byzantine node's only for what signatures
 * guarantee (every statement it sends claiming another signer was sent by that signer before).
 * <ul>
 * <li>{@code Agreement}: no two honest replicas commit different digests, or execute different
 *     requests, at one seq (any views); an honest replica executes only a committed seq;</li>
 * <li>{@code Validity}: every executed non-null request is a ClientRequest its client sent;</li>
 * <li>{@code ClientLinearity}: a result a client accepts is the one honest replicas replied for
 *     that request after executing it;</li>
 * <li>{@code CheckpointSafety}: honest replicas reach one state digest at each checkpoint seq; a
 *     stable checkpoint is one the replica executed to, vouched for by 2f+1 matching Checkpoints it
 *     consumed (or took from a proof) or sent; no log entry above it is discarded; a state it
 *     installs (state transfer) is one it asked for, above what it executed, certified by 2f+1
 *     matching Checkpoints, with a snapshot whose digest is the certified one;</li>
 * <li>{@code Authenticated}: a delivery is consumed as Unauthenticated exactly when it carries a
 *     statement its claimed signer never sent; honest nodes send only authentic statements;</li>
 * <li>{@code PreparedCertificate}: every Commit an honest replica sends, and every log entry it
 *     records as prepared, follows its accepted PrePrepare and 2f matching Prepares from distinct
 *     backups it consumed or sent;</li>
 * <li>{@code CommitQuorum}: every entry an honest replica records as committed has 2f+1 matching
 *     Commits from distinct replicas among those it consumed or sent;</li>
 * <li>{@code DigestChecked}: an honest backup accepts only a PrePrepare whose digest is its request's;</li>
 * <li>{@code NewViewChecked}: an honest backup enters a view only on a NewView whose ViewChanges'
 *     proofs hold and whose PrePrepares are the ones they determine;</li>
 * <li>{@code ReplyQuorum}: a client accepts a result only after f+1 matching authentic Replies from
 *     distinct replicas;</li>
 * <li>{@code PbftQuiet} (at the end, as the trace spec's end condition): no honest replica still
 *     owes a send of its last action; before that, a replica's next step while it owes one
 *     rejects the trace ({@link OwedSends}, {@link Obligations});</li>
 * <li>coverage (sometimes): {@code Prepared}, {@code Committed}, {@code Executed},
 *     {@code CheckpointStable}, {@code ViewChanged}.</li>
 * </ul>
 */
public final class PbftInvariants implements InvariantSet<PbftTraceState> {
    static final Set<String> ALL_TYPES = Set.of("ClientRequest", "PrePrepare", "Prepare", "Commit", "Checkpoint",
            "ViewChange", "NewView", "StateRequest", "StateReply");
    /** Handler actions and the message types each consumes (as the trace spec's NetConsume). */
    static final Map<String, Set<String>> HANDLERS = Map.ofEntries(
            Map.entry("ReceiveRequest", Set.of("ClientRequest")),
            Map.entry("HandlePrePrepare", Set.of("PrePrepare")),
            Map.entry("HandlePrepare", Set.of("Prepare")),
            Map.entry("HandleCommit", Set.of("Commit")),
            Map.entry("HandleCheckpoint", Set.of("Checkpoint")),
            Map.entry("HandleViewChange", Set.of("ViewChange")),
            Map.entry("HandleNewView", Set.of("NewView")),
            Map.entry("HandleStateRequest", Set.of("StateRequest")),
            Map.entry("InstallState", Set.of("StateReply")),
            Map.entry("Ignore", ALL_TYPES),
            Map.entry("Unauthenticated", ALL_TYPES));

    static final List<String> SAFETY = List.of("Agreement", "Validity", "ClientLinearity", "CheckpointSafety",
            "Authenticated", "PreparedCertificate", "CommitQuorum", "DigestChecked", "NewViewChecked", "ReplyQuorum");

    @Override
    public String algorithm() {
        return "pbft";
    }

    @Override
    public StateFolder<PbftTraceState> folder() {
        return new PbftFolder();
    }

    @Override
    public List<Invariant<PbftTraceState>> invariants() {
        List<Invariant<PbftTraceState>> out = new java.util.ArrayList<>();
        for (String name : SAFETY) {
            out.add(Invariant.always(name, s -> s.holds(name)));
        }
        out.add(Invariant.atEnd("PbftQuiet", s -> s.owed.endProblem() == null));
        out.add(Invariant.sometimes("Prepared", s -> s.anyPrepared));
        out.add(Invariant.sometimes("Committed", s -> s.anyCommitted));
        out.add(Invariant.sometimes("Executed", s -> s.anyExecuted));
        out.add(Invariant.sometimes("CheckpointStable", s -> s.anyStable));
        out.add(Invariant.sometimes("ViewChanged", s -> s.anyViewChange));
        return List.copyOf(out);
    }

    @Override
    public Map<String, Set<String>> consumers() {
        return new HashMap<>(HANDLERS);
    }
}
