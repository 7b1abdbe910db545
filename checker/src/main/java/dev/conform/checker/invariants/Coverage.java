package dev.conform.checker.invariants;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a trace exercised, reported beside (never instead of) its verdict: whether each
 * reachability property ({@link Invariant.Kind#SOMETIMES}: a leader was elected, a value was
 * committed) held at some point, and how often each spec action was taken. A short trace that
 * conforms reaches little; that is a statement about the test budget, not about the
 * implementation, so it never fails a validation. {@code conform gate} judges coverage over a
 * whole batch of runs instead.
 *
 * @param reached property name to whether it held after some event, in declaration order
 * @param actions spec action name to the number of action events with that name, by name
 */
public record Coverage(Map<String, Boolean> reached, Map<String, Long> actions) {
    public Coverage {
        reached = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reached));
        actions = java.util.Collections.unmodifiableMap(new TreeMap<>(actions));
    }

    public static Coverage none() {
        return new Coverage(Map.of(), Map.of());
    }

    /** This and {@code o} together: a property is reached when either reached it; counts add up. */
    public Coverage plus(Coverage o) {
        Map<String, Boolean> r = new java.util.LinkedHashMap<>(reached);
        o.reached.forEach((k, v) -> r.merge(k, v, Boolean::logicalOr));
        Map<String, Long> a = new TreeMap<>(actions);
        o.actions.forEach((k, v) -> a.merge(k, v, Long::sum));
        return new Coverage(r, a);
    }

    /** The reachability properties that never held. */
    public java.util.List<String> unreached() {
        return reached.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }
}
