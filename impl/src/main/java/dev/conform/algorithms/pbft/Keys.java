package dev.conform.algorithms.pbft;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/**
 * Ed25519 key pairs derived from (key seed, node id), so a run replays byte for byte: the
 * private key's 32 bytes are SHA-256 of {@code "pbft-key:<seed>:<id>"}, and the JDK derives the
 * public key from them (Ed25519 signing is deterministic too). The key seed is the run seed
 * ({@link PbftOptions#KEY_SEED}); keys are never written anywhere.
 */
public final class Keys {
    private Keys() {
    }

    /** The key pair of node {@code id}. */
    public static KeyPair pair(long keySeed, int id) {
        try {
            byte[] secret = MessageDigest.getInstance("SHA-256")
                    .digest(("pbft-key:" + keySeed + ":" + id).getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new FixedBytes(secret));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no Ed25519 in this JDK", e);
        }
    }

    /** The signer of node {@code id}: only that node (or the adversary controlling it) holds one. */
    public static Signer signer(long keySeed, int id) {
        return new Signer(id, pair(keySeed, id).getPrivate());
    }

    /** A "random" source that hands the key generator exactly the secret bytes. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length > bytes.length) {
                throw new IllegalStateException("asked for " + out.length + " key bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
