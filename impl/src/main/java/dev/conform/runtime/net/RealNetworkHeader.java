package dev.conform.runtime.net;

import java.util.List;
import java.util.Map;

/**
 * What the trace header of a real-network node says about its network and faults (docs/trace-format.md,
 * "Header"). Over TCP between processes a message is lost when its connection fails or its
 * destination is not listening, and an operator may kill and restart any process at any time: the
 * header says exactly that, so a validator allows those losses, crashes and restarts and no other.
 * TCP neither duplicates nor reorders within a connection, but reconnects may reorder, so no
 * FIFO promise is made. {@code transport} names the transport; only UDP may duplicate, so only a
 * UDP header allows duplicate deliveries.
 */
final class RealNetworkHeader {
    private RealNetworkHeader() {
    }

    /** Adds the network's semantics to a header's params. */
    static void describeNetwork(Map<String, Object> params, TransportKind kind) {
        params.put("transport", kind.wireName());
        params.put("net", "unreliable");
        params.put("lossPercent", 100);
        params.put("duplicatePercent", kind.duplicates() ? 100 : 0);
    }

    /** No scheduled fault; crashes and restarts may happen unplanned (processes killed by an operator). */
    static Map<String, Object> plan() {
        return Map.of("events", List.of(), "unplanned", List.of("crash", "restart"));
    }
}
