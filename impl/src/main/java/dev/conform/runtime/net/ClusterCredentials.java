package dev.conform.runtime.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The secrets of one cluster, made by {@code conform cluster start} in {@code <cluster>/credentials}
 * (owner-only, {@link OwnerOnly}): {@code hmac/} holds the UDP pair keys ({@link PairKeys}). Each
 * node and client later loads only its own row.
 */
public final class ClusterCredentials {
    private ClusterCredentials() {
    }

    /** Creates {@code dir} (mode 0700) and every credential of the members {@code nodeIds}. */
    public static void create(Path dir, Collection<Integer> nodeIds) throws IOException {
        OwnerOnly.directory(dir);
        PairKeys.create(dir.resolve("hmac"), nodeIds);
    }
}
