package dev.conform.checker.linearizability;

import java.util.Objects;

/**
 * One client operation of a history: what the client asked for, when, and what it saw.
 *
 * <p>Values are strings (null is "absent" / Jepsen's {@code nil}); every model reads them the same
 * way. {@code invoke} and {@code complete} are positions on one time line (a trace's event order, a
 * history's line order, or recorded times); an operation whose outcome is unknown (Jepsen's
 * {@code :info}, a client that timed out, a trace that ended first) has {@code complete =}
 * {@link #PENDING}: it may or may not have taken effect, at any point after its invocation.
 *
 * @param id       index in its history (0, 1, ...), for reports
 * @param process  the client (Jepsen's process) that ran it; one operation at a time per process
 * @param kind     what it does
 * @param key      the key (null for a single register)
 * @param value    written or appended value; for a compare-and-set the new value
 * @param expected a compare-and-set's expected value (null: the key is absent)
 * @param result   what a read returned, or {@code "true"}/{@code "false"} for a compare-and-set;
 *                 meaningless while the outcome is unknown
 * @param invoke   when it was invoked
 * @param complete when its successful reply was seen, or {@link #PENDING}
 * @param where    where it was read from ({@code file:line}), for reports
 */
public record Operation(int id, int process, Kind kind, String key, String value, String expected, String result,
                        long invoke, long complete, String where) {

    /** The completion time of an operation whose outcome is unknown. */
    public static final long PENDING = Long.MAX_VALUE;

    /** The operations the models know. */
    public enum Kind {
        /** read / get: observes the value. */
        READ,
        /** write / put: sets the value. */
        WRITE,
        /** compare-and-set: sets {@code value} if the current value is {@code expected}. */
        CAS,
        /** append: concatenates {@code value} to the current value (absent counts as empty). */
        APPEND
    }

    public Operation {
        Objects.requireNonNull(kind, "kind");
        if (complete != PENDING && complete < invoke) {
            throw new IllegalArgumentException("operation " + id + " completes (" + complete + ") before it is invoked ("
                + invoke + ")");
        }
    }

    /** True when the outcome is unknown: it may or may not have taken effect. */
    public boolean pending() {
        return complete == PENDING;
    }

    /** This operation with its outcome forgotten: it may or may not have taken effect. */
    public Operation asPending() {
        return new Operation(id, process, kind, key, value, expected, null, invoke, PENDING, where);
    }

    /** This operation with another id (histories renumber what they keep). */
    public Operation withId(int newId) {
        return new Operation(newId, process, kind, key, value, expected, result, invoke, complete, where);
    }

    /** Jepsen-like text: {@code p3 write x 1 [12, 15]}, {@code p1 read x -> 1 [4, ?]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("p").append(process).append(' ').append(kind.name().toLowerCase());
        if (key != null) {
            sb.append(' ').append(key);
        }
        switch (kind) {
            case READ -> { }
            case CAS -> sb.append(' ').append(show(expected)).append("->").append(show(value));
            default -> sb.append(' ').append(show(value));
        }
        if (pending()) {
            sb.append(kind == Kind.READ ? "" : " (unknown outcome)");
        } else if (kind == Kind.READ || kind == Kind.CAS) {
            sb.append(" => ").append(kind == Kind.READ ? show(result) : result);
        }
        sb.append(" [").append(invoke).append(", ").append(pending() ? "?" : String.valueOf(complete)).append(']');
        if (where != null) {
            sb.append(" at ").append(where);
        }
        return sb.toString();
    }

    static String show(String v) {
        return v == null ? "nil" : v;
    }
}
