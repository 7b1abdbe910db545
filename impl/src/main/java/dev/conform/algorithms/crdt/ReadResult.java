package dev.conform.algorithms.crdt;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a client read at a replica returned, recorded with the {@code Read} trace action: the
 * replica's {@link Crdt#read()} at that moment (null for an empty register).
 *
 * @param crdt  the kind of CRDT read (as in its JSON form), so the value's shape is known
 * @param value the value read
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReadResult(String crdt, Object value) {
}
