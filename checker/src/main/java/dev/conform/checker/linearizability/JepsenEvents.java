package dev.conform.checker.linearizability;

import dev.conform.tracing.io.TraceFormatException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs Jepsen-style events (one per line or form: a process invokes an operation, later the same
 * process completes it with {@code ok}, {@code fail} or {@code info}) into {@link Operation}s. The
 * one reading of Jepsen's history model for every input format but conform traces:
 * <ul>
 *   <li>{@code ok}: it took effect; a read's completion value is what it read; a
 *   compare-and-set succeeded (unless the completion value is {@code false}: it saw another
 *   value);</li>
 *   <li>{@code fail}: it certainly did not take effect, so it is left out;</li>
 *   <li>{@code info}, or no completion at all: unknown, it may or may not have taken effect, at
 *   any point after its invocation; the process is never heard from again (Jepsen gives the
 *   worker a new process number), so a later invocation on it is an error.</li>
 * </ul>
 * Functions: read (get, r), write (put, w), cas (compare-and-set; value {@code [expected new]}),
 * append. With a keyed model and no separate key, the value is Jepsen's independent tuple
 * {@code [key value]}.
 */
final class JepsenEvents {
    private final String file;
    private final boolean keyed;
    private final Map<Long, Open> open = new HashMap<>();
    private final Map<Long, String> closedByInfo = new HashMap<>();
    private final List<Operation> done = new ArrayList<>();
    private long ordinal;

    private record Open(Operation.Kind kind, String f, String key, String value, String expected, long invoke,
                        String where) {
    }

    JepsenEvents(String file, boolean keyed) {
        this.file = file;
        this.keyed = keyed;
    }

    /**
     * One event. {@code process} not an integer (Jepsen's {@code :nemesis}) is skipped.
     *
     * @param key  a separate key, or null (then, when keyed, the value is {@code [key value]})
     * @param time the event's time, or null for its position among the events
     */
    void add(Object process, String type, String f, Object key, Object value, Long time, long line, int col) {
        long t = time != null ? time : ordinal;
        ordinal++;
        if (!(process instanceof Long p)) {
            if (process == null) {
                throw new TraceFormatException(file, line, col, "the event names no process");
            }
            return;
        }
        Operation.Kind kind = kind(f, line, col);
        if (keyed && key == null) {
            if (!(value instanceof List<?> tuple) || tuple.size() != 2) {
                throw new TraceFormatException(file, line, col, "with a keyed model, " + f
                    + "'s value is an independent tuple [key value], not " + show(value));
            }
            key = tuple.get(0);
            value = tuple.get(1);
        }
        String k = key == null ? null : text(key);
        String where = file + ":" + line;
        switch (type) {
            case "invoke" -> {
                Open o = open.get(p);
                if (o != null) {
                    throw new TraceFormatException(file, line, col, "process " + p + " invokes " + f + " while its "
                        + o.f + " from " + o.where + " is still open");
                }
                if (closedByInfo.containsKey(p)) {
                    throw new TraceFormatException(file, line, col, "process " + p + " invokes " + f + " after its "
                        + "operation at " + closedByInfo.get(p) + " ended with info (a crashed process is never reused)");
                }
                String v = null;
                String e = null;
                if (kind == Operation.Kind.CAS) {
                    if (!(value instanceof List<?> pair) || pair.size() != 2) {
                        throw new TraceFormatException(file, line, col, "cas takes [expected new], not " + show(value));
                    }
                    e = text(pair.get(0));
                    v = text(pair.get(1));
                } else if (kind != Operation.Kind.READ) {
                    v = text(value);
                }
                open.put(p, new Open(kind, f, k, v, e, t, where));
            }
            case "ok", "fail", "info" -> {
                Open o = open.remove(p);
                if (o == null) {
                    throw new TraceFormatException(file, line, col, "process " + p + " completes " + f
                        + " but has no operation open");
                }
                if (o.kind != kind || !Model.same(o.key, k)) {
                    throw new TraceFormatException(file, line, col, "process " + p + " completes " + f
                        + (k == null ? "" : " " + k) + " but invoked " + o.f + (o.key == null ? "" : " " + o.key)
                        + " at " + o.where);
                }
                if (t < o.invoke) {
                    throw new TraceFormatException(file, line, col, "completion time " + t + " is before its invocation's ("
                        + o.invoke + ")");
                }
                if (type.equals("info")) {
                    closedByInfo.put(p, where);
                    done.add(new Operation(0, p.intValue(), kind, o.key, o.value, o.expected, null, o.invoke,
                        Operation.PENDING, o.where));
                } else if (type.equals("ok")) {
                    String result = switch (kind) {
                        case READ -> text(value);
                        case CAS -> Boolean.FALSE.equals(value) ? "false" : "true";
                        default -> null;
                    };
                    done.add(new Operation(0, p.intValue(), kind, o.key, o.value, o.expected, result, o.invoke, t,
                        o.where));
                }
            }
            default -> throw new TraceFormatException(file, line, col, "unknown event type '" + type
                + "' (invoke, ok, fail or info)");
        }
    }

    /** The operations, ids in invocation order; still-open invocations are pending. */
    History build() {
        List<Operation> all = new ArrayList<>(done);
        for (Map.Entry<Long, Open> e : open.entrySet()) {
            Open o = e.getValue();
            all.add(new Operation(0, e.getKey().intValue(), o.kind, o.key, o.value, o.expected, null, o.invoke,
                Operation.PENDING, o.where));
        }
        all.sort(Comparator.comparingLong(Operation::invoke).thenComparingInt(Operation::process));
        List<Operation> out = new ArrayList<>(all.size());
        for (Operation o : all) {
            out.add(new Operation(out.size(), o.process(), o.kind(), o.key(), o.value(), o.expected(), o.result(),
                o.invoke(), o.complete(), o.where()));
        }
        return new History(file, out);
    }

    private Operation.Kind kind(String f, long line, int col) {
        return switch (f == null ? "" : f) {
            case "read", "get", "r" -> Operation.Kind.READ;
            case "write", "put", "w" -> Operation.Kind.WRITE;
            case "cas", "compare-and-set" -> Operation.Kind.CAS;
            case "append" -> Operation.Kind.APPEND;
            default -> throw new TraceFormatException(file, line, col, "unknown function '" + f
                + "' (read, write, cas, append; get and put are read and write)");
        };
    }

    /** A value as the models compare it: nil is null, a keyword keeps its colon, numbers their digits. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                sb.append(sb.length() > 1 ? " " : "").append(o == null ? "nil" : text(o));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    private static String show(Object v) {
        return v == null ? "nil" : text(v);
    }
}
