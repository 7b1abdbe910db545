package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.Commit;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import org.junit.jupiter.api.Test;

/** Ed25519 statements: deterministic keys and signatures, verification against the claimed signer. */
class PbftSignatureTest {
    private final KeyRing ring = new KeyRing(42);

    @Test
    void aSignedStatementVerifiesAndAnyChangeBreaksIt() {
        Prepare p = Keys.signer(42, 2).sign(new Prepare(0, 1, "abcd", 2, null));
        assertTrue(ring.verify(p));
        assertFalse(ring.verify(new Prepare(0, 2, "abcd", 2, p.sig())), "another seq");
        assertFalse(ring.verify(new Prepare(0, 1, "abcd", 3, p.sig())), "another claimed signer");
        assertFalse(ring.verify(new Prepare(0, 1, "abcd", 2, "not base64 !")));
        assertFalse(ring.verify(new Prepare(0, 1, "abcd", 2, null)));
        assertFalse(new KeyRing(43).verify(p), "keys of another key seed");
    }

    @Test
    void theTypeIsSignedSoAPrepareIsNoCommit() {
        Prepare p = Keys.signer(42, 2).sign(new Prepare(0, 1, "abcd", 2, null));
        assertFalse(ring.verify(new Commit(0, 1, "abcd", 2, p.sig())));
        assertTrue(Canonical.of(p).startsWith("{\"type\":\"Prepare\",\"view\":0,\"seq\":1"), Canonical.of(p));
        assertFalse(Canonical.of(p).contains("sig"));
    }

    @Test
    void embeddedStatementsAreSignedWhole() {
        ClientRequest r = Keys.signer(42, 101).sign(new ClientRequest(101, 1, "put k v",
                Digests.request(101, 1, "put k v"), null));
        PrePrepare pp = Keys.signer(42, 1).sign(new PrePrepare(0, 1, r.digest(), r, 1, null));
        assertTrue(ring.verify(pp) && ring.verify(r));
        ClientRequest other = new ClientRequest(101, 1, "put k w", r.digest(), r.sig());
        assertFalse(ring.verify(new PrePrepare(0, 1, r.digest(), other, 1, pp.sig())));
        assertFalse(ring.verify(other));
    }

    @Test
    void keysAndSignaturesAreDeterministic() {
        Prepare a = Keys.signer(42, 2).sign(new Prepare(3, 4, "d", 2, null));
        Prepare b = Keys.signer(42, 2).sign(new Prepare(3, 4, "d", 2, null));
        assertEquals(a, b);
        assertNotEquals(a.sig(), Keys.signer(42, 3).sign(new Prepare(3, 4, "d", 3, null)).sig());
    }

    @Test
    void aSignerSignsOnlyAsItsNode() {
        Signer s = Keys.signer(42, 2);
        assertThrows(IllegalArgumentException.class, () -> s.sign(new Prepare(0, 1, "d", 3, null)));
        assertFalse(s.toString().contains("Key"));
    }

    @Test
    void digestsAreTheShortShaOfRaftsRequestText() {
        assertEquals(16, Digests.request(101, 1, "get k0").length());
        assertNotEquals(Digests.request(101, 1, "get k0"), Digests.request(101, 2, "get k0"));
        assertEquals("null", Digests.NULL);
    }
}
