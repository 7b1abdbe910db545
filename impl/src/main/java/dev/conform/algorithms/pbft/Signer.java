package dev.conform.algorithms.pbft;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs statements as one node: the only holder of that node's private key. An honest replica
 * signs only its own statements; an adversary handed a Byzantine node's signer can sign anything
 * as that node, and nothing as any other.
 */
public final class Signer {
    private final int id;
    private final PrivateKey key;

    Signer(int id, PrivateKey key) {
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
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "Signer[" + id + "]"; // never the key
    }
}
