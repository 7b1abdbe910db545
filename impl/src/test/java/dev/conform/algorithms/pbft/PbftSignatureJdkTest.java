package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * BouncyCastle's Ed25519 (what {@link Signer} and {@link KeyRing} use) against the JDK's, which
 * PBFT used before: the same derived keys give the same public keys and the same signatures byte
 * for byte, so traces did not change, and each accepts the other's signatures.
 */
class PbftSignatureJdkTest {
    @Test
    void keysAndSignaturesAreTheJdksBitForBit() throws GeneralSecurityException {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            KeyRing ring = new KeyRing(seed);
            for (int id : new int[] {1, 2, 4, 7, 101}) {
                KeyPair jdk = jdkPair(seed, id);
                byte[] x509 = jdk.getPublic().getEncoded(); // a 12-byte header, then the 32 key bytes
                assertArrayEquals(Arrays.copyOfRange(x509, x509.length - 32, x509.length),
                        Keys.publicKey(seed, id).getEncoded(), "public key of " + id + ", seed " + seed);
                for (PbftMessage m : new PbftMessage[] {new Prepare(seed, id, "abcd", id, null),
                        new ClientRequest(id, seed, "put k é", Digests.request(id, seed, "put k é"), null)}) {
                    byte[] text = Canonical.of(m).getBytes(StandardCharsets.UTF_8);
                    String bc = Keys.signer(seed, id).sign(m).sig();
                    assertEquals(Base64.getEncoder().encodeToString(jdkSign(jdk, text)), bc, Canonical.of(m));
                    Signature v = Signature.getInstance("Ed25519");
                    v.initVerify(jdk.getPublic());
                    v.update(text);
                    assertTrue(v.verify(Base64.getDecoder().decode(bc)), "the JDK accepts BouncyCastle's signature");
                    assertTrue(ring.verify(m.withSig(Base64.getEncoder().encodeToString(jdkSign(jdk, text)))),
                            "BouncyCastle accepts the JDK's signature");
                }
            }
        }
    }

    @Test
    void theFirstRequestOfSeedOnesTraceIsSignedAsBefore() {
        // from `conform run pbft --seed 1` on the JDK's Ed25519: the key derivation is unchanged too
        ClientRequest r = new ClientRequest(101, 1, "put k2 c101v0", "1d99c95804c44033", null);
        assertEquals("smz9GNj2HufiDFYeGCY5IF95zL2ZsE+9nTs4BDstpFVSlhgxQ1AF/6PQoqBkUdRfGbY8Ercr8ZSVsvsShxQUBQ==",
                Keys.signer(1, 101).sign(r).sig());
    }

    @Test
    void aSignatureOfAnotherLengthIsRefusedAsTheJdkRefusedIt() {
        Prepare p = Keys.signer(42, 2).sign(new Prepare(0, 1, "abcd", 2, null));
        byte[] sig = Base64.getDecoder().decode(p.sig());
        KeyRing ring = new KeyRing(42);
        assertTrue(ring.verify(p));
        assertFalse(ring.verify(p.withSig(Base64.getEncoder().encodeToString(Arrays.copyOf(sig, 65)))), "trailing byte");
        assertFalse(ring.verify(p.withSig(Base64.getEncoder().encodeToString(Arrays.copyOf(sig, 63)))), "short");
        assertFalse(ring.verify(p.withSig("")), "empty");
        byte[] garbage = new byte[64];
        new java.util.Random(3).nextBytes(garbage);
        assertFalse(ring.verify(p.withSig(Base64.getEncoder().encodeToString(garbage))), "random bytes");
    }

    /** The derivation PBFT had on the JDK: the key generator draws the 32 secret bytes as its randomness. */
    private static KeyPair jdkPair(long seed, int id) throws GeneralSecurityException {
        byte[] secret = Keys.secret(seed, id);
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] out) {
                assertEquals(32, out.length);
                System.arraycopy(secret, 0, out, 0, 32);
            }
        });
        return g.generateKeyPair();
    }

    private static byte[] jdkSign(KeyPair pair, byte[] text) throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(text);
        return s.sign();
    }
}
