package dev.conform.checker.validate;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code conform validate --format-only}: the Java replay with no state and no invariants, so only
 * the rules every trace obeys are judged (the reader's line, header, sequence and clock rules, and
 * the network and node rules by message identity). The handler rule (each delivery consumed by one
 * handler action) applies when the trace's algorithm is registered, since only the algorithm
 * knows its handler actions; for any other algorithm deliveries wait for no handler.
 */
final class FormatRules implements InvariantSet<Object> {
    /** The report's note saying what a format-only replay checked. */
    static final String NOTE = "format only: reader rules, header, message identity and clocks;"
            + " no TLC, no invariants";

    private final String algorithm;
    private final Map<String, Set<String>> consumers;

    FormatRules(String algorithm) {
        this.algorithm = algorithm;
        this.consumers = InvariantRegistry.find(algorithm).<Map<String, Set<String>>>map(InvariantSet::consumers)
                .orElse(Map.of());
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public StateFolder<Object> folder() {
        return new StateFolder<>() {
            @Override
            public Object initial(TraceHeader header) {
                return "";
            }

            @Override
            public Object apply(Object state, TraceEvent event) {
                return state;
            }
        };
    }

    @Override
    public List<Invariant<Object>> invariants() {
        return List.of();
    }

    @Override
    public Map<String, Set<String>> consumers() {
        return consumers;
    }
}
