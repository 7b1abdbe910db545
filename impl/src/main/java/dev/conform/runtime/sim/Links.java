package dev.conform.runtime.sim;

import dev.conform.runtime.nemesis.Connectivity;
import dev.conform.runtime.nemesis.FaultEvent;
import java.util.List;

/**
 * The state of every directed link: reachability under the current partition, per-link fault
 * rates and delays, and the last scheduled delivery time that keeps reliable links FIFO.
 */
final class Links {
    /** Per-link overrides set by a {@link FaultEvent.LinkFault}. */
    record Rule(double loss, double duplicate, double reorder, long delayMin, long delayMax) {
    }

    private final int servers;
    private final int total;
    private boolean[][] reach;
    private final Rule[][] rules;
    final long[][] lastDelivery;

    Links(int servers, int total) {
        this.servers = servers;
        this.total = total;
        this.rules = new Rule[total][total];
        this.lastDelivery = new long[total][total];
    }

    /** Clients are never partitioned; servers follow the last partition event (none: all reach). */
    boolean reachable(int from, int to) {
        return reach == null || from >= servers || to >= servers || reach[from][to];
    }

    Rule rule(int from, int to) {
        return rules[from][to];
    }

    void partition(FaultEvent e, List<Integer> serverIds) {
        reach = e instanceof FaultEvent.Heal ? null : Connectivity.of(e, serverIds);
    }

    void link(FaultEvent.LinkFault f, int fromIndexOrAll, int toIndexOrAll) {
        boolean reset = f.loss() == 0 && f.duplicate() == 0 && f.reorder() == 0 && f.delayMin() <= 0
                && f.delayMax() <= 0;
        Rule r = reset ? null
                : new Rule(f.loss() / 100.0, f.duplicate() / 100.0, f.reorder() / 100.0, f.delayMin(), f.delayMax());
        for (int i = 0; i < total; i++) {
            if (fromIndexOrAll >= 0 && i != fromIndexOrAll) {
                continue;
            }
            for (int j = 0; j < total; j++) {
                if ((toIndexOrAll < 0 || j == toIndexOrAll) && i != j) {
                    rules[i][j] = r;
                }
            }
        }
    }
}
