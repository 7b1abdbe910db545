package dev.conform.algorithms.crdt;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A state-based CRDT: an immutable value of a join semilattice.
 *
 * <p>Laws every implementation keeps (checked by the property tests over thousands of seeded
 * random states): {@code merge} is commutative, associative and idempotent, and its result is
 * an upper bound of both arguments in the {@link #leq} order; {@code a.leq(b)} holds exactly
 * when {@code a.merge(b).equals(b)}. Local updates only ever move a value up the order.
 *
 * <p>The JSON form carries a {@code "crdt"} discriminator so gossip messages and traces can hold
 * any of the kinds.
 *
 * @param <T> the concrete type, so merge stays within one kind
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "crdt")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GCounter.class, name = "g-counter"),
    @JsonSubTypes.Type(value = PNCounter.class, name = "pn-counter"),
    @JsonSubTypes.Type(value = LWWRegister.class, name = "lww-register"),
    @JsonSubTypes.Type(value = LWWMap.class, name = "lww-map"),
    @JsonSubTypes.Type(value = ORSet.class, name = "or-set")
})
public sealed interface Crdt<T extends Crdt<T>> permits GCounter, PNCounter, LWWRegister, LWWMap, ORSet {
    /** The least upper bound of this value and {@code other}. */
    T merge(T other);

    /**
     * What a client reading this replica sees: the counter's value (a long), the register's value
     * (null when empty), the map's visible key/value pairs (a sorted map), the set's elements (a
     * sorted set).
     */
    Object read();

    /** The lattice order: true when {@code other} already includes everything this value knows. */
    boolean leq(T other);

    /**
     * Merges two values of unknown static type, as they arrive in messages.
     *
     * @throws IllegalArgumentException when the two are different kinds of CRDT
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Crdt<?> mergeAny(Crdt<?> a, Crdt<?> b) {
        if (a.getClass() != b.getClass()) {
            throw new IllegalArgumentException("cannot merge " + a.getClass().getSimpleName()
                + " with " + b.getClass().getSimpleName());
        }
        return (Crdt<?>) ((Crdt) a).merge((Crdt) b);
    }

    /** {@link #leq} for two values of unknown static type; false across kinds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean leqAny(Crdt<?> a, Crdt<?> b) {
        return a.getClass() == b.getClass() && ((Crdt) a).leq((Crdt) b);
    }
}
