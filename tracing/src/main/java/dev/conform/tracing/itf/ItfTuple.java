package dev.conform.tracing.itf;

import java.util.List;

/** An ITF tuple, {@code {"#tup": [...]}}; TLA+ tuples that are not sequences. */
public record ItfTuple(List<Object> elements) {
    public ItfTuple {
        elements = List.copyOf(elements);
    }
}
