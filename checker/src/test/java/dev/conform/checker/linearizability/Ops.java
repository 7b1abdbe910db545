package dev.conform.checker.linearizability;

import java.util.ArrayList;
import java.util.List;

/** A small builder for hand-written histories: {@code new Ops().write(0, "x", "1", 0, 1).read(...)}. */
final class Ops {
    private final List<Operation> ops = new ArrayList<>();

    Ops read(int p, String key, String result, long invoke, long complete) {
        return add(p, Operation.Kind.READ, key, null, null, result, invoke, complete);
    }

    Ops write(int p, String key, String value, long invoke, long complete) {
        return add(p, Operation.Kind.WRITE, key, value, null, null, invoke, complete);
    }

    Ops cas(int p, String key, String expected, String value, boolean ok, long invoke, long complete) {
        return add(p, Operation.Kind.CAS, key, value, expected, Boolean.toString(ok), invoke, complete);
    }

    Ops append(int p, String key, String value, long invoke, long complete) {
        return add(p, Operation.Kind.APPEND, key, value, null, null, invoke, complete);
    }

    Ops add(int p, Operation.Kind kind, String key, String value, String expected, String result, long invoke,
            long complete) {
        ops.add(new Operation(ops.size(), p, kind, key, value, expected, result, invoke, complete, null));
        return this;
    }

    History history() {
        return new History("test", ops);
    }

    static final long PENDING = Operation.PENDING;
}
