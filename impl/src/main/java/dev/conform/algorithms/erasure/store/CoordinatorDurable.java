package dev.conform.algorithms.erasure.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's durable metadata, the truth about versions: the next version of each key, the
 * highest acknowledged (committed) version of each key, and each client's last acknowledged put
 * (its session, so a retried put is answered rather than written twice).
 */
public record CoordinatorDurable(Map<String, Long> nextVersion, Map<String, Long> committed,
                                 Map<Integer, Long> sessions) {
    public CoordinatorDurable {
        nextVersion = sorted(nextVersion);
        committed = sorted(committed);
        sessions = sorted(sessions);
    }

    private static <K extends Comparable<K>> Map<K, Long> sorted(Map<K, Long> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    public static CoordinatorDurable empty() {
        return new CoordinatorDurable(Map.of(), Map.of(), Map.of());
    }
}
