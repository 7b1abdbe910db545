package dev.conform.runtime.net;

import java.util.HashSet;
import java.util.Set;

/**
 * The ids of the frames a process has received, on a transport that may deliver one frame twice
 * (UDP): the second arrival of an id is a duplicate the network made, and the trace must say so
 * (a {@code duplicate} event before the second {@code deliver}), or a validator would see a
 * message delivered more often than it was sent. On other transports nothing is remembered.
 */
final class ArrivedIds {
    private final Set<Long> seen;

    ArrivedIds(TransportKind kind) {
        this.seen = kind.duplicates() ? new HashSet<>() : null;
    }

    /** Notes that {@code id} arrived; true when it had arrived before. */
    boolean seenBefore(long id) {
        return seen != null && !seen.add(id);
    }
}
