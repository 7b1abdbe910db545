package dev.conform.cli.mbt;

import dev.conform.checker.mbt.MbtException;
import dev.conform.checker.value.TlaValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the spec's values the way the implementation's models compare them: functions of node
 * ids (TLC prints one with domain 1..n as a sequence, others as {@code k :> v @@ ...}), numbers
 * and sets of ids.
 */
final class SpecValues {
    private SpecValues() {
    }

    /** f[key] for a function printed as a sequence (domain 1..n) or as {@code k :> v @@ ...}. */
    static TlaValue apply(TlaValue f, int key) {
        if (f instanceof TlaValue.Function fn) {
            for (TlaValue.Entry e : fn.entries()) {
                if (e.key().equals(TlaValue.Int.of(key))) {
                    return e.value();
                }
            }
        } else if (f instanceof TlaValue.Tuple t && key >= 1 && key <= t.elements().size()) {
            return t.elements().get(key - 1);
        }
        throw new MbtException("the spec's function " + f.toTla() + " has no value for " + key);
    }

    /** The keys of a function printed either way, in order. */
    static List<Integer> domain(TlaValue f) {
        List<Integer> out = new ArrayList<>();
        if (f instanceof TlaValue.Function fn) {
            fn.entries().forEach(e -> out.add(integer(e.key())));
        } else if (f instanceof TlaValue.Tuple t) {
            for (int i = 1; i <= t.elements().size(); i++) {
                out.add(i);
            }
        } else {
            throw new MbtException("not a function: " + f.toTla());
        }
        return out;
    }

    static int integer(TlaValue v) {
        if (!(v instanceof TlaValue.Int i)) {
            throw new MbtException("not an integer: " + v.toTla());
        }
        return i.value().intValueExact();
    }

    static long number(TlaValue v) {
        if (!(v instanceof TlaValue.Int i)) {
            throw new MbtException("not an integer: " + v.toTla());
        }
        return i.value().longValueExact();
    }

    static String string(TlaValue v) {
        if (!(v instanceof TlaValue.Str s)) {
            throw new MbtException("not a string: " + v.toTla());
        }
        return s.value();
    }

    /** A set of node ids, ascending. */
    static List<Integer> ids(TlaValue set) {
        if (!(set instanceof TlaValue.Set s)) {
            throw new MbtException("not a set: " + set.toTla());
        }
        List<Integer> out = new ArrayList<>();
        for (TlaValue v : s.elements()) {
            out.add(integer(v));
        }
        return out.stream().sorted().toList();
    }
}
