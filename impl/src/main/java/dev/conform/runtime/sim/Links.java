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
    /** Rows of per-link rules, allocated when a link fault first touches the row (null: none). */
    private Rule[][] rules;
    private final FifoClock fifo = new FifoClock();

    Links(int servers, int total) {
        this.servers = servers;
        this.total = total;
    }

    /**
     * When a reliable send from {@code from} to {@code to} at {@code now} due at {@code due} is
     * delivered: not before the link's previous delivery (FIFO).
     */
    long fifoDelivery(int from, int to, long due, long now) {
        return fifo.next((long) from * total + to, due, now);
    }

    /** Clients are never partitioned; servers follow the last partition event (none: all reach). */
    boolean reachable(int from, int to) {
        return reach == null || from >= servers || to >= servers || reach[from][to];
    }

    Rule rule(int from, int to) {
        Rule[][] all = rules;
        if (all == null) {
            return null;
        }
        Rule[] row = all[from];
        return row == null ? null : row[to];
    }

    void partition(FaultEvent e, List<Integer> serverIds) {
        reach = e instanceof FaultEvent.Heal ? null : Connectivity.of(e, serverIds);
    }

    void link(FaultEvent.LinkFault f, int fromIndexOrAll, int toIndexOrAll) {
        boolean reset = f.loss() == 0 && f.duplicate() == 0 && f.reorder() == 0 && f.delayMin() <= 0
                && f.delayMax() <= 0;
        Rule r = reset ? null
                : new Rule(f.loss() / 100.0, f.duplicate() / 100.0, f.reorder() / 100.0, f.delayMin(), f.delayMax());
        if (r == null && rules == null) {
            return;
        }
        if (rules == null) {
            rules = new Rule[total][];
        }
        for (int i = 0; i < total; i++) {
            if (fromIndexOrAll >= 0 && i != fromIndexOrAll) {
                continue;
            }
            Rule[] row = rules[i];
            if (row == null) {
                if (r == null) {
                    continue; // nothing set on this row: resetting it changes nothing
                }
                row = rules[i] = new Rule[total];
            }
            for (int j = 0; j < total; j++) {
                if ((toIndexOrAll < 0 || j == toIndexOrAll) && i != j) {
                    row[j] = r;
                }
            }
        }
    }
}
