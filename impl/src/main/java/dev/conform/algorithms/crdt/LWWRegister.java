package dev.conform.algorithms.crdt;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Comparator;
import java.util.Objects;

/**
 * Last-writer-wins register: holds the value of the write with the largest timestamp. Merge
 * keeps the larger (timestamp, value) pair; the value only breaks ties that a well-behaved clock
 * never produces (same writer, same timestamp), and it is what keeps merge a join even then.
 *
 * <p>A write whose timestamp is not larger than the one already held is silently absorbed:
 * this is exactly how a skewed physical clock loses causally later writes.
 *
 * @param value the current value; null in the empty register or after a delete
 * @param ts    the winning write's timestamp ({@link Timestamp#ZERO} when empty)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LWWRegister(String value, Timestamp ts) implements Crdt<LWWRegister> {
    private static final Comparator<LWWRegister> ORDER = Comparator.comparing(LWWRegister::ts)
        .thenComparing(LWWRegister::value, Comparator.nullsFirst(Comparator.naturalOrder()));

    public LWWRegister {
        ts = ts == null ? Timestamp.ZERO : ts;
    }

    /** The register nobody has written. */
    public static LWWRegister empty() {
        return new LWWRegister(null, Timestamp.ZERO);
    }

    /** This register after a write of {@code newValue} stamped {@code at}; unchanged if older. */
    public LWWRegister assign(String newValue, Timestamp at) {
        return merge(new LWWRegister(newValue, at));
    }

    @Override
    public Object read() {
        return value;
    }

    @Override
    public LWWRegister merge(LWWRegister other) {
        return ORDER.compare(this, other) >= 0 ? this : other;
    }

    @Override
    public boolean leq(LWWRegister other) {
        return ORDER.compare(this, other) <= 0;
    }

    /** True when this register holds the same write as {@code other}. */
    public boolean sameWrite(LWWRegister other) {
        return ts.equals(other.ts) && Objects.equals(value, other.value);
    }
}
