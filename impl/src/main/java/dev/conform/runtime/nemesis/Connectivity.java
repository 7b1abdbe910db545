package dev.conform.runtime.nemesis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which servers can reach which under a partition-type fault event, over the server ids the caller
 * passes (the header's servers). Clients are not partitioned: they reach every server, so a
 * partition is always between servers.
 */
public final class Connectivity {
    private Connectivity() {
    }

    /**
     * Returns {@code reach[i][j]}: true when server {@code servers.get(i)} can send to
     * {@code servers.get(j)} under {@code event}, which must be a partition, isolate, bridge,
     * ring or heal event.
     */
    public static boolean[][] of(FaultEvent event, List<Integer> servers) {
        int n = servers.size();
        boolean[][] reach = new boolean[n][n];
        Map<Integer, Integer> group = new HashMap<>();
        if (event instanceof FaultEvent.Heal) {
            fillAll(reach);
        } else if (event instanceof FaultEvent.Partition p) {
            for (int g = 0; g < p.groups().size(); g++) {
                for (int id : p.groups().get(g)) {
                    group.put(id, g);
                }
            }
            sameGroup(reach, servers, group, p.groups().size());
        } else if (event instanceof FaultEvent.Isolate iso) {
            group.put(iso.node(), 1);
            sameGroup(reach, servers, group, 0);
        } else if (event instanceof FaultEvent.Bridge b) {
            for (int id : b.right()) {
                group.put(id, 1);
            }
            sameGroup(reach, servers, group, 0);
            int bi = servers.indexOf(b.bridge());
            if (bi >= 0) {
                for (int j = 0; j < n; j++) {
                    reach[bi][j] = true;
                    reach[j][bi] = true;
                }
            }
        } else if (event instanceof FaultEvent.Ring) {
            for (int i = 0; i < n; i++) {
                reach[i][i] = true;
                reach[i][(i + 1) % n] = true;
                reach[(i + 1) % n][i] = true;
            }
        } else {
            throw new IllegalArgumentException("not a partition event: " + event.kind());
        }
        return reach;
    }

    /** True when {@code event} changes connectivity (as opposed to links, nodes or clocks). */
    public static boolean isPartition(FaultEvent e) {
        return e instanceof FaultEvent.Partition || e instanceof FaultEvent.Isolate
                || e instanceof FaultEvent.Bridge || e instanceof FaultEvent.Ring
                || e instanceof FaultEvent.Heal;
    }

    private static void fillAll(boolean[][] reach) {
        for (boolean[] row : reach) {
            java.util.Arrays.fill(row, true);
        }
    }

    private static void sameGroup(boolean[][] reach, List<Integer> servers, Map<Integer, Integer> group,
                                  int unlisted) {
        int n = servers.size();
        for (int i = 0; i < n; i++) {
            int gi = group.getOrDefault(servers.get(i), unlisted);
            for (int j = 0; j < n; j++) {
                reach[i][j] = gi == group.getOrDefault(servers.get(j), unlisted);
            }
        }
    }
}
