package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.quic.Quic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster's TLS credentials: what is written, with which permissions, and what each identity may claim. */
class TlsCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void everyFileIsOwnerOnlyAndTheCaKeyIsNeverWritten() throws IOException {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2, 3));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)));
        Path tls = creds.resolve("tls");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
        try (Stream<Path> files = Files.list(tls)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("ca.crt", "client.crt", "client.key", "node-1.crt", "node-1.key", "node-2.crt",
                    "node-2.key", "node-3.crt", "node-3.key"), names);
        }
        try (Stream<Path> files = Files.list(tls)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }

    @Test
    void eachIdentityIsSignedByTheClusterCaAndNamesItself() throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2));
        TlsCredentials.Identity n2 = TlsCredentials.load(creds.resolve("tls"), TlsCredentials.nodeName(2));
        n2.certificate().verify(n2.ca().getPublicKey());
        PeerIdentity who = PeerIdentity.of(new Certificate[]{n2.certificate()});
        assertTrue(who.isNode(2));
        assertTrue(who.mayClaim(2, Set.of(1, 2)));
        assertFalse(who.mayClaim(1, Set.of(1, 2)), "node-2 may not speak for node 1");
        assertFalse(who.mayClaim(1001, Set.of(1, 2)), "node-2 may not speak for a client");
        TlsCredentials.Identity client = TlsCredentials.load(creds.resolve("tls"), TlsCredentials.CLIENT);
        PeerIdentity c = PeerIdentity.of(new Certificate[]{client.certificate()});
        assertTrue(c.mayClaim(1001, Set.of(1, 2)));
        assertFalse(c.mayClaim(1, Set.of(1, 2)), "the client certificate may not speak for a member");
        assertFalse(c.mayClaim(7, Set.of(1, 2)), "nor for an id below the client range");
        assertFalse(n2.toString().contains("EC"), "an identity prints no key: " + n2);
    }

    @Test
    void aSecondStartMakesAFreshCaAndAMissingFileIsNamed() throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1));
        byte[] first = Files.readAllBytes(creds.resolve("tls/ca.crt"));
        ClusterCredentials.create(creds, List.of(1));
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(creds.resolve("tls/ca.crt"))));
        IOException e = assertThrows(IOException.class, () -> TlsCredentials.load(creds.resolve("tls"), "node-7"));
        assertTrue(e.getMessage().contains("node-7.crt"), e.getMessage());
    }

    /** The QUIC transport needs its native library; CI must fail, not skip, when it does not load. */
    @Test
    void theNativeQuicLibraryLoads() {
        assertTrue(Quic.isAvailable(), () -> "native QUIC unavailable: " + Quic.unavailabilityCause());
    }
}
