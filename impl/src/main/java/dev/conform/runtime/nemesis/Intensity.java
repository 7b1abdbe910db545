package dev.conform.runtime.nemesis;

/**
 * Knobs of random fault plans. Weights are relative chances of each fault family per event;
 * {@code events} is how many fault events a plan gets; {@code maxRate} caps link loss/dup rates.
 */
public record Intensity(int events, double partitionWeight, double crashWeight, double linkWeight,
                        double skewWeight, double maxRate) {
    public static final Intensity LOW = new Intensity(3, 1, 1, 1, 0.5, 0.1);
    public static final Intensity MEDIUM = new Intensity(8, 1, 1, 1, 0.5, 0.3);
    public static final Intensity HIGH = new Intensity(20, 1.5, 1.5, 1, 1, 0.5);

    public Intensity {
        if (events < 0 || partitionWeight < 0 || crashWeight < 0 || linkWeight < 0 || skewWeight < 0
                || maxRate < 0 || maxRate > 1) {
            throw new IllegalArgumentException("intensity knobs must be non-negative, maxRate <= 1");
        }
    }

    /** LOW, MEDIUM or HIGH by name (case-insensitive), or null. */
    public static Intensity named(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "low": return LOW;
            case "medium": return MEDIUM;
            case "high": return HIGH;
            default: return null;
        }
    }
}
