package dev.conform.algorithms.pbft;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Signs statements as one node: the only holder of that node's private key. An honest replica
 * signs only its own statements; an adversary handed a Byzantine node's signer can sign anything
 * as that node, and nothing as any other.
 */
public final class Signer {
    private final int id;
    private final Ed25519PrivateKeyParameters key;

    Signer(int id, Ed25519PrivateKeyParameters key) {
        this.id = id;
        this.key = key;
    }

    /** The node this signer signs as. */
    public int id() {
        return id;
    }

    /**
     * {@code statement} with its signature over {@link Canonical#of}. The statement's
     * {@link PbftMessage#signer()} must be this node.
     */
    @SuppressWarnings("unchecked")
    public <T extends PbftMessage> T sign(T statement) {
        if (statement.signer() != id) {
            throw new IllegalArgumentException("node " + id + " cannot sign as " + statement.signer());
        }
        return (T) statement.withSig(signature(Canonical.of(statement.withSig(null))));
    }

    private synchronized String signature(String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] sig = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        key.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0); // pure Ed25519, no context
        return Base64.getEncoder().encodeToString(sig);
    }

    @Override
    public String toString() {
        return "Signer[" + id + "]"; // never the key
    }
}
