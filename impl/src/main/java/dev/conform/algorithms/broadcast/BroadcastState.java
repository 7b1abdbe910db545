package dev.conform.algorithms.broadcast;

import java.util.Map;

/**
 * What a broadcast node persists: the next sequence number it will use as an origin (persisted
 * before the value is sent, so a restart never reuses one) and, per origin, how many values it
 * has delivered (delivery is FIFO per origin, so a count says exactly which).
 */
public record BroadcastState(int nextSeq, Map<Integer, Integer> delivered) {
    public BroadcastState {
        delivered = Map.copyOf(delivered);
    }
}
