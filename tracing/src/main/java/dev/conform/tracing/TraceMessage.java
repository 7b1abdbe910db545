package dev.conform.tracing;

/**
 * A message as it appears in a trace.
 *
 * @param id   unique per run, so a send, its deliveries, drops and duplicates can be matched
 * @param from sender node id
 * @param to   destination node id
 * @param type message type name, e.g. {@code RequestVote}
 * @param body the message fields: any value Jackson can write (record, map, list, scalar);
 *             readers produce {@code Map<String,Object>} with JSON-compatible values
 */
public record TraceMessage(long id, int from, int to, String type, Object body) {
}
