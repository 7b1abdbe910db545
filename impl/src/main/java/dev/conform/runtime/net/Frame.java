package dev.conform.runtime.net;

import java.util.Map;

/**
 * One message on the wire: a length-prefixed JSON object
 * {@code {"id":..,"from":..,"to":..,"type":"Data","body":{...},"lamport":..,"vc":{"1":3}}}.
 * The clocks ride along so per-node traces can be merged causally.
 *
 * @param body the decoded message (an instance of the algorithm's message type)
 */
public record Frame(long id, int from, int to, String type, Object body, long lamport, Map<Integer, Long> vc) {
}
