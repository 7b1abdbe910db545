package dev.conform.tracing;

import java.util.List;
import java.util.Map;

/**
 * What a header's {@code params.options.byzantine} promises (docs/trace-format.md, rule 7): a run
 * with {@code "false"} had crash-only chaos, so its plan holds no {@code byzantine} event. A header
 * that says otherwise describes no run. The runtime refuses such a plan before a run
 * (Algorithms.checkPlan); this is the same rule on the reading side.
 */
public final class ByzantineParams {
    private ByzantineParams() {
    }

    /** Why the header's plan contradicts its byzantine option, or null when it does not. */
    public static String problem(Map<String, Object> params, Object plan) {
        Object options = params == null ? null : params.get("options");
        if (!(options instanceof Map<?, ?> o) || !"false".equals(o.get("byzantine"))) {
            return null;
        }
        Object events = plan instanceof Map<?, ?> p ? p.get("events") : null;
        if (events instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && "byzantine".equals(m.get("type"))) {
                    return "inconsistent header: params.options.byzantine is \"false\", but the plan has a byzantine"
                            + " event at " + m.get("at") + " on node " + m.get("node");
                }
            }
        }
        return null;
    }
}
