package dev.conform.checker.invariants;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Invariant sets by algorithm name. Sets listed in {@code META-INF/services/
 * dev.conform.checker.invariants.InvariantSet} on the classpath are found automatically;
 * {@link #register} adds or replaces one (tests, embedding programs).
 */
public final class InvariantRegistry {
    private static final Map<String, InvariantSet<?>> EXPLICIT = new ConcurrentHashMap<>();

    private InvariantRegistry() {
    }

    public static void register(InvariantSet<?> set) {
        EXPLICIT.put(set.algorithm(), set);
    }

    /** The set for {@code algorithm}, explicit registrations first, then service providers. */
    public static Optional<InvariantSet<?>> find(String algorithm) {
        InvariantSet<?> s = EXPLICIT.get(algorithm);
        return s != null ? Optional.of(s) : Optional.ofNullable(discovered().get(algorithm));
    }

    /** Every known algorithm name and its set. */
    public static Map<String, InvariantSet<?>> all() {
        Map<String, InvariantSet<?>> m = new TreeMap<>(discovered());
        m.putAll(EXPLICIT);
        return m;
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, InvariantSet<?>> discovered() {
        Map<String, InvariantSet<?>> m = new TreeMap<>();
        for (InvariantSet s : ServiceLoader.load(InvariantSet.class, InvariantRegistry.class.getClassLoader())) {
            m.putIfAbsent(s.algorithm(), s);
        }
        return m;
    }
}
