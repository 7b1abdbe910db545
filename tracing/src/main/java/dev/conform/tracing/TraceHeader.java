package dev.conform.tracing;

import java.util.List;
import java.util.Map;

/**
 * The first line of every trace.
 *
 * @param schemaVersion trace format version (see docs/trace-format.md)
 * @param algorithm     algorithm name, e.g. {@code raft}
 * @param nodes         the node ids taking part
 * @param seed          the seed of the run, when the producer was seeded (else null)
 * @param faultPlan     the fault plan as JSON-compatible data, or null
 * @param producer      who wrote the trace, e.g. {@code conform-sim 0.1.0}
 * @param params        other run parameters (flaw, budget, network semantics...), may be empty
 */
public record TraceHeader(int schemaVersion, String algorithm, List<Integer> nodes, Long seed,
                          Object faultPlan, String producer, Map<String, Object> params) {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Checks the fields a reader requires: algorithm, nodes and producer.
     *
     * @return this header
     * @throws IllegalArgumentException naming the missing field
     */
    public TraceHeader requireWellFormed() {
        if (algorithm == null || nodes == null || producer == null) {
            throw new IllegalArgumentException("trace header needs algorithm, nodes and producer: " + this);
        }
        return this;
    }
}
