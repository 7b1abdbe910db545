package dev.conform.algorithms.pbft;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 keys derived from (key seed, node id), so a run replays byte for byte: the private key's
 * 32 bytes are SHA-256 of {@code "pbft-key:<seed>:<id>"} (RFC 8032 derives the public key from
 * them, and signing is deterministic too). The key seed is the run seed
 * ({@link PbftOptions#KEY_SEED}); keys are never written anywhere. BouncyCastle's Ed25519 does the
 * arithmetic: it gives the JDK's keys and signatures bit for bit, about 20x as fast to sign and 8x to verify
 * (specs/pbft/BENCH.md).
 */
public final class Keys {
    private Keys() {
    }

    /** The signer of node {@code id}: only that node (or the adversary controlling it) holds one. */
    public static Signer signer(long keySeed, int id) {
        return new Signer(id, privateKey(keySeed, id));
    }

    /** The public key of node {@code id}, which every node of the run can derive. */
    static Ed25519PublicKeyParameters publicKey(long keySeed, int id) {
        return privateKey(keySeed, id).generatePublicKey();
    }

    /** Handed only to a new {@link Signer}, or dropped once its public key is derived. */
    private static Ed25519PrivateKeyParameters privateKey(long keySeed, int id) {
        return new Ed25519PrivateKeyParameters(secret(keySeed, id));
    }

    /** The private key's bytes (package-private so a test can check them against the JDK's Ed25519). */
    static byte[] secret(long keySeed, int id) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("pbft-key:" + keySeed + ":" + id).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}
