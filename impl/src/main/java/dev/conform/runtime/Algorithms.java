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

    /**
     * Throws IllegalArgumentException, with one line naming the event, when {@code plan} names a
     * node that is not a server, or makes servers Byzantine beyond what {@code algorithm} tolerates
     * ({@link Algorithm#byzantineTolerance}; none when it is 0 or the options say
     * {@code byzantine=false}, {@link dev.conform.runtime.nemesis.ByzantineFaults#OPTION}), or names no behaviour or one the
     * algorithm's adversary does not know.
     */
    public static void checkPlan(Algorithm<?> algorithm, List<Integer> servers, Options options,
                                 dev.conform.runtime.nemesis.FaultPlan plan) {
        plan.checkNodes(servers);
        int tolerance = algorithm.byzantineTolerance(servers, options);
        Set<String> known = algorithm.byzantineBehaviours();
        Set<Integer> byzantine = new TreeSet<>();
        for (dev.conform.runtime.nemesis.FaultEvent e : plan.events()) {
            if (!(e instanceof dev.conform.runtime.nemesis.FaultEvent.Byzantine b)) {
                continue;
            }
            String what = "fault plan: byzantine at " + b.at() + " of node " + b.node() + ": ";
            if (tolerance <= 0) {
                throw new IllegalArgumentException(what + algorithm.name() + " tolerates no Byzantine servers");
            }
            if (!dev.conform.runtime.nemesis.ByzantineFaults.enabled(options)) {
                throw new IllegalArgumentException(what + "the run's option "
                        + dev.conform.runtime.nemesis.ByzantineFaults.OPTION + "=false allows no Byzantine servers");
            }
            byzantine.add(b.node());
            if (byzantine.size() > tolerance) {
                throw new IllegalArgumentException(what + "makes " + byzantine.size() + " servers " + byzantine
                        + " Byzantine, but " + algorithm.name() + " with " + servers.size()
                        + " servers tolerates " + tolerance);
            }
            if (b.behaviours().isEmpty()) {
                throw new IllegalArgumentException(what + "names no behaviour; known: " + String.join(", ", new TreeSet<>(known)));
            }
            for (String x : b.behaviours()) {
                if (!known.contains(x)) {
                    throw new IllegalArgumentException(what + "unknown behaviour '" + x + "'; known: "
                            + String.join(", ", new TreeSet<>(known)));
                }
            }
        }
    }
}
