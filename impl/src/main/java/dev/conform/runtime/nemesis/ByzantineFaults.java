package dev.conform.runtime.nemesis;

import java.util.List;

/**
 * How many servers a random fault plan may make Byzantine ({@link FaultEvent.Byzantine}) and which
 * behaviours its events may name. {@link #NONE} for every algorithm that tolerates no Byzantine
 * server, whose plans then stay exactly as they were.
 *
 * @param max        the most Byzantine servers one plan holds (the algorithm's tolerance f)
 * @param behaviours the behaviours to draw from, in a fixed order (the draws depend on it)
 */
public record ByzantineFaults(int max, List<String> behaviours) {
    public static final ByzantineFaults NONE = new ByzantineFaults(0, List.of());

    public ByzantineFaults {
        behaviours = List.copyOf(behaviours);
        if (max < 0) {
            throw new IllegalArgumentException("max >= 0 required, got " + max);
        }
    }

    /** True when a plan may hold no Byzantine event at all. */
    public boolean none() {
        return max == 0 || behaviours.isEmpty();
    }

    /**
     * The run option that switches Byzantine servers off for a run of a Byzantine-tolerant
     * algorithm ({@code "false"}): its chaos plans then hold only crashes, partitions and the
     * like, and a plan with a Byzantine event is refused. "true" (the default) or "false"; such
     * an algorithm lists it among its option keys and records it resolved in the header.
     */
    public static final String OPTION = "byzantine";

    /** The value of {@link #OPTION} in {@code options}: true unless it says "false". */
    public static boolean enabled(dev.conform.runtime.Options options) {
        String v = options.values().getOrDefault(OPTION, "true");
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("option " + OPTION + " must be true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    /**
     * What chaos plans of {@code algorithm} may hold ({@link dev.conform.runtime.Algorithm#byzantineChaos}),
     * or {@link #NONE} when the run's options switch Byzantine servers off ({@link #OPTION}).
     */
    public static ByzantineFaults of(dev.conform.runtime.Algorithm<?> algorithm, List<Integer> servers,
                                     dev.conform.runtime.Options options) {
        return enabled(options) ? algorithm.byzantineChaos(servers, options) : NONE;
    }
}
