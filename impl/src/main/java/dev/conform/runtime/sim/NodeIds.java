package dev.conform.runtime.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * How the simulators number nodes: servers 1..n; clients after them, from the next hundred plus
 * one (101, 102, ... for up to 99 servers), so that ids read well in traces. This is numbering
 * only: nothing infers a node's role from its id. Roles travel in the trace header
 * ({@code TraceHeader.roles()}) and in {@link dev.conform.runtime.ClusterView}.
 */
final class NodeIds {
    private NodeIds() {
    }

    static List<Integer> servers(int n) {
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ids.add(i);
        }
        return List.copyOf(ids);
    }

    static List<Integer> clients(List<Integer> servers, int count) {
        int highest = 0;
        for (int s : servers) {
            highest = Math.max(highest, s);
        }
        int first = (highest / 100 + 1) * 100 + 1;
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(first + i);
        }
        return List.copyOf(ids);
    }
}
