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

    /** What {@code algorithm} allows with these servers and options: its tolerance and behaviours, sorted. */
    public static ByzantineFaults of(dev.conform.runtime.Algorithm<?> algorithm, List<Integer> servers,
                                     dev.conform.runtime.Options options) {
        int f = algorithm.byzantineTolerance(servers, options);
        return f <= 0 ? NONE : new ByzantineFaults(f, algorithm.byzantineBehaviours().stream().sorted().toList());
    }
}
