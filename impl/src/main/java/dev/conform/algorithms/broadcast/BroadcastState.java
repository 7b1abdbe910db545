package dev.conform.algorithms.broadcast;

import dev.conform.algorithms.broadcast.BroadcastMessage.Data;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a broadcast node persists: the next sequence number it will use as an origin (persisted
 * before the value is sent, so a restart never reuses one), per origin how many values it has
 * delivered (delivery is in sequence per origin, so a count says exactly which), and the values it
 * broadcast itself, so that after a restart it retransmits them until every server has
 * acknowledged them (otherwise a value whose every copy in flight was lost with the origin's
 * volatile retransmission set would never arrive anywhere).
 */
public record BroadcastState(int nextSeq, Map<Integer, Integer> delivered, List<Data> own) {
    public BroadcastState {
        // Sorted, not Map.copyOf: the immutable map's iteration order changes from one JVM to the
        // next, and this map is written into restart events (same seed, same bytes).
        delivered = Collections.unmodifiableMap(new TreeMap<>(delivered));
        own = List.copyOf(own);
    }
}
