package dev.conform.cli.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Coverage over a pairing's chaos runs, as the coverage check counted it: for each reachability
 * property the runs in which it held, for each spec action how often it was taken.
 *
 * @param runs    runs replayed to their end
 * @param reached property name to the runs that reached it, in declaration order
 * @param actions spec action name to the number of times it was taken, by name
 */
public record CoverageSummary(int runs, Map<String, Integer> reached, Map<String, Long> actions) {
    public CoverageSummary {
        reached = Collections.unmodifiableMap(new LinkedHashMap<>(reached));
        actions = Collections.unmodifiableMap(new TreeMap<>(actions));
    }
}
