package dev.conform.algorithms.paxos;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An acceptor's vote: it accepted {@code value} in {@code slot} at {@code ballot}. Written as the
 * triple {@code [slot, ballot, value]} in Promise messages and in the persisted state.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"slot", "ballot", "value"})
public record Vote(long slot, long ballot, String value) {
}
