package dev.conform.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registry of algorithms: everything registered for {@link ServiceLoader} under
 * {@code META-INF/services/dev.conform.runtime.Algorithm} (one class name per line; each
 * algorithm package adds its line). Test sources can register toy algorithms the same way.
 */
public final class Algorithms {
    private Algorithms() {
    }

    /** All registered algorithms, sorted by name. */
    public static List<Algorithm<?>> all() {
        List<Algorithm<?>> out = new ArrayList<>();
        for (Algorithm<?> a : ServiceLoader.load(Algorithm.class, Algorithms.class.getClassLoader())) {
            out.add(a);
        }
        out.sort(Comparator.comparing(Algorithm::name));
        return out;
    }

    /**
     * Throws IllegalArgumentException naming the known keys when {@code options} holds a key that
     * {@code algorithm} does not read ({@link Algorithm#optionKeys}).
     */
    public static void checkOptions(Algorithm<?> algorithm, Options options) {
        Set<String> known = algorithm.optionKeys();
        for (String key : options.values().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' of " + algorithm.name() + "; known: "
                        + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    /** The algorithm called {@code name}; throws IllegalArgumentException naming the known ones. */
    public static Algorithm<?> byName(String name) {
        List<Algorithm<?>> all = all();
        for (Algorithm<?> a : all) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "'; known: "
                + all.stream().map(Algorithm::name).collect(Collectors.joining(", ")));
    }
}
