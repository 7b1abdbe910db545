package dev.conform.algorithms.swim;

import static dev.conform.algorithms.swim.SwimView.ALIVE;
import static dev.conform.algorithms.swim.SwimView.SUSPECT;

import dev.conform.runtime.ClusterView;
import dev.conform.runtime.StopCondition;
import java.util.List;

/**
 * The stop condition of one SWIM run: every member that is up and has not left has joined and done
 * {@code rounds} periods, holds every other such member alive and every member that is down or has
 * left dead, left (or, never having heard of it, absent); and at least one member is up and has
 * not left. That is n x n checks (member s's rounds, s's entry of q); the runtime asks after every
 * step, so this object remembers the check that failed last time (the witness) and starts there:
 * while it still fails the answer costs O(1), and a full pass over all checks happens only on the
 * way to a true answer. The answer is the same as a fresh scan's, whatever happened in between
 * (a check that passed is read again before "done"). One object per run.
 */
final class SwimConvergence implements StopCondition<SwimMessage> {
    private final int rounds;
    /** Where the last scan found a failing check: row s (a member), column c (0: its rounds, else another member). */
    private long witness;
    /** A member seen up and not left (index), tried first for "at least one". */
    private int activeWitness;

    SwimConvergence(int rounds) {
        this.rounds = rounds;
    }

    @Override
    public boolean done(ClusterView<SwimMessage> cluster) {
        List<Integer> servers = cluster.servers();
        int n = servers.size();
        if (!anyActive(cluster, servers)) {
            return false; // every member down or gone: nothing has converged, it is only quiet
        }
        long total = (long) n * n;
        long pos = witness % total;
        long scanned = 0;
        while (scanned < total) {
            int s = (int) (pos / n);
            int c = (int) (pos % n);
            SwimNode sn = active(cluster, servers.get(s));
            int end = (int) Math.min(n, c + (total - scanned));
            if (sn != null) {
                for (int col = c; col < end; col++) {
                    if (!holds(cluster, servers, sn, s, col)) {
                        witness = (long) s * n + col;
                        return false;
                    }
                }
            }
            scanned += end - c;
            pos = (long) (s + 1) % n * n;
        }
        return true;
    }

    /** Check (s, col): col 0 is s's own progress; col >= 1 is s's entry of the col-th other member. */
    private boolean holds(ClusterView<SwimMessage> cluster, List<Integer> servers, SwimNode sn, int s, int col) {
        if (col == 0) {
            return sn.joined() && sn.round() >= rounds;
        }
        int q = col - 1 < s ? col - 1 : col;
        byte st = sn.statusAt(q);
        return active(cluster, servers.get(q)) != null ? st == ALIVE : st != ALIVE && st != SUSPECT;
    }

    private boolean anyActive(ClusterView<SwimMessage> cluster, List<Integer> servers) {
        int n = servers.size();
        for (int i = 0; i < n; i++) {
            int idx = (activeWitness + i) % n;
            if (active(cluster, servers.get(idx)) != null) {
                activeWitness = idx;
                return true;
            }
        }
        return false;
    }

    /** The member with this id when it is up and has not left, else null. */
    private static SwimNode active(ClusterView<SwimMessage> cluster, int id) {
        return cluster.node(id) instanceof SwimNode n && !n.hasLeft() ? n : null;
    }
}
