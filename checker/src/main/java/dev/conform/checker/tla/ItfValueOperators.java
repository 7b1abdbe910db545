package dev.conform.checker.tla;

import tlc2.overrides.TLAPlusOperator;
import tlc2.value.impl.FcnRcdValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.SetEnumValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Java body of {@code ItfValue} of specs/lib/TraceStates.tla: decodes the ITF encodings an
 * imported state sequence keeps in its JSON ({@code dev.conform.tracing.itf.ItfImport}) into the
 * TLA+ values they stand for. A record whose only field is {@code #set}, {@code #map},
 * {@code #tup} or {@code #bigint} is a set, a function, a tuple or an integer; other records and
 * sequences are decoded field by field, element by element; strings, booleans and integers are
 * themselves.
 */
public final class ItfValueOperators {
    private static final UniqueString SET = UniqueString.uniqueStringOf("#set");
    private static final UniqueString MAP = UniqueString.uniqueStringOf("#map");
    private static final UniqueString TUP = UniqueString.uniqueStringOf("#tup");
    private static final UniqueString BIGINT = UniqueString.uniqueStringOf("#bigint");

    private ItfValueOperators() {
    }

    @TLAPlusOperator(identifier = "ItfValue", module = "TraceStates", warn = false)
    public static Value itfValue(Value v) {
        return decode(v);
    }

    static Value decode(Value v) {
        if (v instanceof TupleValue t) {
            return new TupleValue(decodeAll(t.elems));
        }
        if (!(v instanceof RecordValue r)) {
            return v;
        }
        if (r.names.length == 1) {
            UniqueString name = r.names[0];
            Value x = r.values[0];
            if (name.equals(SET)) {
                return new SetEnumValue(decodeAll(elements(x, "#set")), false).normalize();
            }
            if (name.equals(TUP)) {
                return new TupleValue(decodeAll(elements(x, "#tup")));
            }
            if (name.equals(MAP)) {
                return function(elements(x, "#map"));
            }
            if (name.equals(BIGINT)) {
                return integer(x);
            }
        }
        Value[] values = decodeAll(r.values);
        return new RecordValue(r.names.clone(), values, false).normalize();
    }

    private static Value[] decodeAll(Value[] vs) {
        Value[] out = new Value[vs.length];
        for (int i = 0; i < vs.length; i++) {
            out[i] = decode(vs[i]);
        }
        return out;
    }

    private static Value[] elements(Value v, String what) {
        if (!(v instanceof TupleValue t)) {
            throw new IllegalArgumentException("ItfValue: " + what + " must hold an array, found " + v);
        }
        return t.elems;
    }

    private static Value function(Value[] pairs) {
        Value[] domain = new Value[pairs.length];
        Value[] range = new Value[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            Value[] kv = elements(pairs[i], "a #map entry");
            if (kv.length != 2) {
                throw new IllegalArgumentException("ItfValue: a #map entry must be a [key, value] pair, found " + pairs[i]);
            }
            domain[i] = decode(kv[0]);
            range[i] = decode(kv[1]);
        }
        return new FcnRcdValue(domain, range, false).normalize();
    }

    private static Value integer(Value v) {
        if (!(v instanceof StringValue s)) {
            throw new IllegalArgumentException("ItfValue: #bigint must hold a string, found " + v);
        }
        String digits = s.getVal().toString();
        try {
            return IntValue.gen(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ItfValue: integer " + digits + " does not fit TLC's 32-bit integers");
        }
    }
}
