package dev.conform.algorithms.pbft;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Every node's public key (derived from the key seed, as every node of the run knows them) and
 * the verification of statements against their claimed signer. Verification is a pure function
 * of the statement, so answers are remembered (a NewView re-verifies many embedded statements).
 */
public final class KeyRing {
    private static final int MEMO = 8192;

    private final long keySeed;
    private final Map<Integer, Ed25519PublicKeyParameters> keys = new HashMap<>();
    private final Map<PbftMessage, Boolean> memo = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PbftMessage, Boolean> eldest) {
            return size() > MEMO;
        }
    };

    public KeyRing(long keySeed) {
        this.keySeed = keySeed;
    }

    /** True when {@code statement}'s signature is its claimed signer's over its canonical text. */
    public synchronized boolean verify(PbftMessage statement) {
        if (statement == null || statement.sig() == null) {
            return false;
        }
        Boolean known = memo.get(statement);
        if (known == null) {
            known = check(statement);
            memo.put(statement, known);
        }
        return known;
    }

    private boolean check(PbftMessage statement) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(statement.sig());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (sig.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false; // BouncyCastle would read the first 64 bytes of a longer one and ignore the rest
        }
        byte[] message = Canonical.of(statement.withSig(null)).getBytes(StandardCharsets.UTF_8);
        return keys.computeIfAbsent(statement.signer(), id -> Keys.publicKey(keySeed, id))
                .verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0);
    }
}
