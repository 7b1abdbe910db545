package dev.conform.runtime.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UDP pair keys: owner-only files, one row per member, both ends of a pair agree, no one else can. */
class PairKeysTest {
    @TempDir
    Path dir;

    private static byte[] tag(Mac mac) {
        return mac.doFinal("hello".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void filesAreOwnerOnlyAndEachMemberHoldsOnlyItsRow() throws Exception {
        Path creds = dir.resolve("credentials");
        ClusterCredentials.create(creds, List.of(1, 2, 3));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(creds)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(creds.resolve("hmac"))));
        try (Stream<Path> files = Files.list(creds.resolve("hmac"))) {
            List<Path> all = files.sorted().toList();
            assertEquals(List.of("client.keys", "node-1.keys", "node-2.keys", "node-3.keys"),
                    all.stream().map(p -> p.getFileName().toString()).toList());
            for (Path f : all) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        // node 1's row: its two peers and the client identity, nothing about the pair (2, 3)
        List<String> row = Files.readAllLines(creds.resolve("hmac/node-1.keys"));
        assertEquals(List.of("peer 2", "peer 3", "client"),
                row.stream().map(l -> l.substring(0, l.lastIndexOf(' '))).toList());
        PairKeys one = PairKeys.forNode(creds, 1);
        PairKeys two = PairKeys.forNode(creds, 2);
        PairKeys three = PairKeys.forNode(creds, 3);
        PairKeys client = PairKeys.forClient(creds);
        assertArrayEquals(tag(one.macFor(2)), tag(two.macFor(1)), "both ends of a pair share its key");
        assertArrayEquals(tag(one.macFor(1001)), tag(client.macFor(1)), "a member and the client identity share one");
        assertFalse(java.util.Arrays.equals(tag(one.macFor(2)), tag(one.macFor(3))), "pairs have different keys");
        assertFalse(java.util.Arrays.equals(tag(two.macFor(3)), tag(one.macFor(3))), "node 1 cannot speak as 2 to 3");
        assertNull(one.macFor(1), "no key with itself");
        assertNull(one.macFor(50), "no key with an id that is neither a member nor a client id");
        assertNotNull(three.macFor(4711), "client ids use the client identity's key");
        assertFalse(one.toString().contains("="), "printing keys shows no key material");
    }

    @Test
    void everyClusterGetsFreshKeys() throws Exception {
        ClusterCredentials.create(dir.resolve("a"), List.of(1, 2));
        ClusterCredentials.create(dir.resolve("b"), List.of(1, 2));
        assertFalse(java.util.Arrays.equals(tag(PairKeys.forNode(dir.resolve("a"), 1).macFor(2)),
                tag(PairKeys.forNode(dir.resolve("b"), 1).macFor(2))));
    }
}
