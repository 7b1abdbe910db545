package dev.conform.algorithms.pbft;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Every message of PBFT (Castro and Liskov, the signature variant). Each message is a signed
 * statement: {@code sig} is the base64 Ed25519 signature of its {@link #signer()} over the
 * statement's canonical text ({@link Canonical}: the message's JSON without {@code sig}).
 * Statements are transferable, so a ViewChange carries other replicas' Checkpoints and
 * PrePrepare/Prepare certificates, and a NewView carries ViewChanges, and a receiver verifies each
 * against its claimed signer, never against the transport sender.
 *
 * <p>Embedded statements keep their {@code "type"} property in JSON, so a Prepare and a Commit
 * with the same fields have different canonical texts and signatures.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PbftMessage.ClientRequest.class, name = "ClientRequest"),
    @JsonSubTypes.Type(value = PbftMessage.PrePrepare.class, name = "PrePrepare"),
    @JsonSubTypes.Type(value = PbftMessage.Prepare.class, name = "Prepare"),
    @JsonSubTypes.Type(value = PbftMessage.Commit.class, name = "Commit"),
    @JsonSubTypes.Type(value = PbftMessage.Reply.class, name = "Reply"),
    @JsonSubTypes.Type(value = PbftMessage.Checkpoint.class, name = "Checkpoint"),
    @JsonSubTypes.Type(value = PbftMessage.ViewChange.class, name = "ViewChange"),
    @JsonSubTypes.Type(value = PbftMessage.NewView.class, name = "NewView"),
    @JsonSubTypes.Type(value = PbftMessage.StateRequest.class, name = "StateRequest"),
    @JsonSubTypes.Type(value = PbftMessage.StateReply.class, name = "StateReply"),
})
public sealed interface PbftMessage {

    /** The node whose key signs this statement (a replica, or the client of a request). */
    @JsonIgnore
    int signer();

    /** The signature, base64; null only on a statement not yet signed. */
    String sig();

    /** This statement with signature {@code sig} (null: unsigned, the form {@link Canonical} writes). */
    PbftMessage withSig(String sig);

    /**
     * A client's command, as Raft's ({@code clientId}, {@code seq}, {@code op}) plus its
     * {@code digest} ({@link Digests#request}), signed by the client.
     */
    record ClientRequest(int clientId, long seq, String op, String digest, String sig) implements PbftMessage {
        @Override
        public int signer() {
            return clientId;
        }

        @Override
        public ClientRequest withSig(String s) {
            return new ClientRequest(clientId, seq, op, digest, s);
        }
    }

    /**
     * The primary of {@code view} assigns {@code seq} to {@code request} (null with digest
     * {@link Digests#NULL} for the null request a new view fills a gap with).
     */
    record PrePrepare(long view, long seq, String digest, ClientRequest request, int replica, String sig)
            implements PbftMessage {
        @Override
        public int signer() {
            return replica;
        }

        @Override
        public PrePrepare withSig(String s) {
            return new PrePrepare(view, seq, digest, request, replica, s);
        }
    }

    /** A backup accepted the PrePrepare ({@code view}, {@code seq}, {@code digest}). */
    record Prepare(long view, long seq, String digest, int replica, String sig) implements PbftMessage {
        @Override
        public int signer() {
            return replica;
        }

        @Override
        public Prepare withSig(String s) {
            return new Prepare(view, seq, digest, replica, s);
        }
    }

    /** The replica has a prepared certificate for ({@code view}, {@code seq}, {@code digest}). */
    record Commit(long view, long seq, String digest, int replica, String sig) implements PbftMessage {
        @Override
        public int signer() {
            return replica;
        }

        @Override
        public Commit withSig(String s) {
            return new Commit(view, seq, digest, replica, s);
        }
    }

    /** The result of the client's request {@code seq}, executed by {@code replica} in {@code view}. */
    record Reply(long view, int clientId, long seq, String result, int replica, String sig) implements PbftMessage {
        @Override
        public int signer() {
            return replica;
        }

        @Override
        public Reply withSig(String s) {
            return new Reply(view, clientId, seq, result, replica, s);
        }
    }

    /** After executing 1..{@code seq}, the replica's state digest is {@code state} ({@link Digests#state}). */
    record Checkpoint(long seq, String state, int replica, String sig) implements PbftMessage {
        @Override
        public int signer() {
            return replica;
        }

        @Override
        public Checkpoint withSig(String s) {
            return new Checkpoint(seq, state, replica, s);
        }
    }

    /**
     * The replica moves to {@code view}: its stable checkpoint {@code stable} with its 2f+1
     * Checkpoint {@code proof} (empty for 0), and a prepared certificate for every seq above it.
     */
    record ViewChange(long view, long stable, List<Checkpoint> proof, List<PreparedCertificate> prepared,
                      int replica, String sig) implements PbftMessage {
        public ViewChange {
            proof = List.copyOf(proof);
            prepared = List.copyOf(prepared);
        }

        @Override
        public int signer() {
            return replica;
        }

        @Override
        public ViewChange withSig(String s) {
            return new ViewChange(view, stable, proof, prepared, replica, s);
        }
    }

    /**
     * The primary of {@code view} starts it: 2f+1 ViewChanges for it and the PrePrepares it
     * computed from them ({@link NewViewRule}).
     */
    record NewView(long view, List<ViewChange> viewChanges, List<PrePrepare> prePrepares, int replica, String sig)
            implements PbftMessage {
        public NewView {
            viewChanges = List.copyOf(viewChanges);
            prePrepares = List.copyOf(prePrepares);
        }

        @Override
        public int signer() {
            return replica;
        }

        @Override
        public NewView withSig(String s) {
            return new NewView(view, viewChanges, prePrepares, replica, s);
        }
    }

    /**
     * State transfer: the replica has executed less than a checkpoint certificate it knows for
     * {@code seq} and asks for the state of a stable checkpoint at or above it.
     */
    record StateRequest(long seq, int replica, String sig) implements PbftMessage {
        @Override
        public int signer() {
            return replica;
        }

        @Override
        public StateRequest withSig(String s) {
            return new StateRequest(seq, replica, s);
        }
    }

    /**
     * State transfer: the key-value store's {@code snapshot} after executing 1..{@code seq}, whose
     * digest is {@code state}, with the 2f+1 Checkpoint statements that make (seq, state) a stable
     * checkpoint: the reply certifies itself, whoever sends it.
     */
    record StateReply(long seq, String state, List<Checkpoint> proof, String snapshot, int replica, String sig)
            implements PbftMessage {
        public StateReply {
            proof = List.copyOf(proof);
        }

        @Override
        public int signer() {
            return replica;
        }

        @Override
        public StateReply withSig(String s) {
            return new StateReply(seq, state, proof, snapshot, replica, s);
        }
    }
}
