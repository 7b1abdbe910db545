package dev.conform.checker.value;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A TLA+ value as TLC prints it. Collections keep the order TLC printed (TLC normalises sets
 * and function domains), so two values are equal exactly when TLC printed them the same.
 */
public sealed interface TlaValue {

    /** TLC's printed form of this value. */
    String toTla();

    /** An integer; TLC's are 32-bit but printed values are kept exact. */
    record Int(BigInteger value) implements TlaValue {
        public static Int of(long v) {
            return new Int(BigInteger.valueOf(v));
        }

        @Override
        public String toTla() {
            return value.toString();
        }
    }

    /** A string (unescaped). */
    record Str(String value) implements TlaValue {
        @Override
        public String toTla() {
            return TlaPrinter.quote(value);
        }
    }

    /** TRUE or FALSE. */
    record Bool(boolean value) implements TlaValue {
        @Override
        public String toTla() {
            return value ? "TRUE" : "FALSE";
        }
    }

    /** A model value (an uninterpreted constant such as {@code s1} or {@code NoLeader}). */
    record ModelValue(String name) implements TlaValue {
        @Override
        public String toTla() {
            return name;
        }
    }

    /** A tuple or sequence {@code <<a, b>>}; TLC does not tell the two apart. */
    record Tuple(List<TlaValue> elements) implements TlaValue {
        public Tuple {
            elements = List.copyOf(elements);
        }

        @Override
        public String toTla() {
            return TlaPrinter.join("<<", elements, ">>");
        }
    }

    /** A finite set {@code {a, b}} in TLC's order. */
    record Set(List<TlaValue> elements) implements TlaValue {
        public Set {
            elements = List.copyOf(elements);
        }

        @Override
        public String toTla() {
            return TlaPrinter.join("{", elements, "}");
        }
    }

    /** A record {@code [a |-> 1, b |-> 2]}; field order as printed. */
    record Record(Map<String, TlaValue> fields) implements TlaValue {
        public Record {
            fields = TlaPrinter.orderedCopy(fields);
        }

        @Override
        public String toTla() {
            return TlaPrinter.record(fields);
        }
    }

    /** A function {@code (k1 :> v1 @@ k2 :> v2)} that is neither a sequence nor a record. */
    record Function(List<Entry> entries) implements TlaValue {
        public Function {
            entries = List.copyOf(entries);
        }

        @Override
        public String toTla() {
            return TlaPrinter.function(entries);
        }
    }

    /** One mapping {@code key :> value} of a {@link Function}. */
    record Entry(TlaValue key, TlaValue value) {
    }

    /** An integer interval {@code lo..hi}, kept unexpanded. */
    record Interval(BigInteger low, BigInteger high) implements TlaValue {
        @Override
        public String toTla() {
            return low + ".." + high;
        }
    }
}
