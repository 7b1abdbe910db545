package dev.conform.runtime.nemesis;

/**
 * Knobs of random fault plans. Weights are relative chances of each fault family per event;
 * {@code events} is how many fault events a plan gets; {@code maxRatePercent} caps link loss/dup/reorder rates.
 */
public record Intensity(int events, double partitionWeight, double crashWeight, double linkWeight,
                        double skewWeight, int maxRatePercent) {
    public static final Intensity LOW = new Intensity(3, 1, 1, 1, 0.5, 10);
    public static final Intensity MEDIUM = new Intensity(8, 1, 1, 1, 0.5, 30);
    public static final Intensity HIGH = new Intensity(20, 1.5, 1.5, 1, 1, 50);

    public Intensity {
        if (events < 0 || partitionWeight < 0 || crashWeight < 0 || linkWeight < 0 || skewWeight < 0
                || maxRatePercent < 0 || maxRatePercent > 100) {
            throw new IllegalArgumentException("intensity knobs must be non-negative, maxRatePercent <= 100");
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
