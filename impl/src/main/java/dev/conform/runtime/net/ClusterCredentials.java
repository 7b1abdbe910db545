package dev.conform.runtime.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Creates a cluster's credentials folder at {@code conform cluster start}: owner-only (0700, files
 * 0600), with what each transport authenticates peers with: {@code tls/} ({@link TlsCredentials}, TCP and
 * QUIC) and {@code hmac/} ({@link PairKeys}, UDP). Every start makes fresh ones.
 */
public final class ClusterCredentials {
    private ClusterCredentials() {
    }

    /** Replaces {@code dir} with fresh credentials for {@code nodeIds} (and for clients). */
    public static void create(Path dir, Collection<Integer> nodeIds) throws IOException {
        OwnerOnly.delete(dir);
        OwnerOnly.directory(dir);
        TlsCredentials.create(dir.resolve("tls"), nodeIds);
        PairKeys.create(dir.resolve("hmac"), nodeIds);
    }
}
