package dev.conform.checker.network;

import java.util.List;
import java.util.Map;

/**
 * Which servers reach which under the last partition-type fault of a trace (partition, isolate,
 * bridge, ring, heal), from the fault's data as the trace carries it. Clients are never cut off.
 * The same reading as TraceNet.tla's {@code CutAllows}.
 */
final class Cut {
    static final Cut HEALED = new Cut(Map.of("type", "heal"));
    private final Map<String, Object> data;

    private Cut(Map<String, Object> data) {
        this.data = data;
    }

    static boolean isCut(String type) {
        return switch (type) {
            case "heal", "partition", "isolate", "bridge", "ring" -> true;
            default -> false;
        };
    }

    static Cut of(Map<String, Object> data) {
        return "heal".equals(data.get("type")) ? HEALED : new Cut(data);
    }

    /** Whether server a can send to server b (both servers, in the header's server order). */
    boolean allows(int a, int b, List<Integer> servers) {
        String type = String.valueOf(data.get("type"));
        return switch (type) {
            case "heal" -> true;
            case "partition" -> group(a) == group(b);
            case "isolate" -> (a == num("node")) == (b == num("node"));
            case "bridge" -> a == num("bridge") || b == num("bridge")
                    || ids("right").contains((long) a) == ids("right").contains((long) b);
            case "ring" -> {
                int n = servers.size();
                int pa = servers.indexOf(a);
                int pb = servers.indexOf(b);
                yield a == b || pb == (pa + 1) % n || pa == (pb + 1) % n;
            }
            default -> false;
        };
    }

    private int group(int node) {
        List<?> groups = (List<?>) data.get("groups");
        for (int g = 0; g < groups.size(); g++) {
            for (Object o : (List<?>) groups.get(g)) {
                if (((Number) o).longValue() == node) {
                    return g;
                }
            }
        }
        return groups.size();
    }

    private long num(String field) {
        return data.get(field) instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    }

    private List<Long> ids(String field) {
        return ((List<?>) data.get(field)).stream().map(o -> ((Number) o).longValue()).toList();
    }
}
