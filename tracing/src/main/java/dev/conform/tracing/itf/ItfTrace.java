package dev.conform.tracing.itf;

import java.util.List;
import java.util.Map;

/**
 * An ITF trace in memory.
 *
 * @param meta   the {@code #meta} object (format, source, description, ...), possibly empty
 * @param params names of constant parameters (ITF {@code params}), possibly empty
 * @param vars   names of the state variables
 * @param states one map per state from variable name to value; values are Long or BigInteger,
 *               String, Boolean, List (sequence), Map&lt;String,Object&gt; (record),
 *               {@link ItfTuple}, {@link ItfSet}, {@link ItfMap}, {@link ItfUnserializable}
 * @param loop   index of the state a lasso loops back to, or null
 */
public record ItfTrace(Map<String, Object> meta, List<String> params, List<String> vars,
                       List<Map<String, Object>> states, Integer loop) {
    public ItfTrace {
        meta = meta == null ? Map.of() : meta;
        params = params == null ? List.of() : List.copyOf(params);
        vars = List.copyOf(vars);
        states = List.copyOf(states);
    }

    public static ItfTrace of(List<String> vars, List<Map<String, Object>> states) {
        return new ItfTrace(Map.of(), List.of(), vars, states, null);
    }
}
