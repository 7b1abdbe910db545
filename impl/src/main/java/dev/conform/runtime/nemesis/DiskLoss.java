package dev.conform.runtime.nemesis;

import java.util.List;

/**
 * Which nodes a random fault plan may wipe, and how many wipes one plan holds at most
 * ({@link FaultEvent.Wipe}). {@link #NONE} for every algorithm that does not opt in.
 *
 * @param nodes    the servers whose disks may be lost
 * @param maxWipes the most wipes one plan may hold
 */
public record DiskLoss(List<Integer> nodes, int maxWipes) {
    public static final DiskLoss NONE = new DiskLoss(List.of(), 0);

    public DiskLoss {
        nodes = List.copyOf(nodes);
        if (maxWipes < 0) {
            throw new IllegalArgumentException("maxWipes >= 0 required, got " + maxWipes);
        }
    }

    /** True when a plan may hold no wipe at all. */
    public boolean none() {
        return nodes.isEmpty() || maxWipes == 0;
    }
}
