package dev.conform.checker.tla;

import java.util.Objects;

/**
 * Which part of a trace file TLC sees, from the system properties the validator passes to the
 * TLC subprocess: {@code conform.trace} (the NDJSON file), {@code conform.trace.from} (index of
 * the first event, 1-based, default 1) and {@code conform.trace.to} (index of the last event,
 * inclusive, default: the end of the file).
 */
public record TraceSlice(String path, long from, long to) {
    public static final String PATH = "conform.trace";
    public static final String FROM = "conform.trace.from";
    public static final String TO = "conform.trace.to";

    /** The last slice built, with the property texts it was built from (TLC asks at every use). */
    private static volatile Cached last;

    private record Cached(String path, String from, String to, TraceSlice slice) {
    }

    /** The slice named by this JVM's system properties. */
    public static TraceSlice fromSystemProperties() {
        String path = System.getProperty(PATH);
        String from = System.getProperty(FROM);
        String to = System.getProperty(TO);
        Cached c = last;
        if (c != null && Objects.equals(c.path, path) && Objects.equals(c.from, from) && Objects.equals(c.to, to)) {
            return c.slice;
        }
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("TraceLog: no trace file; pass -D" + PATH + "=<file.ndjson> to TLC");
        }
        TraceSlice slice = new TraceSlice(path, longProperty(FROM, from, 1), longProperty(TO, to, Long.MAX_VALUE));
        last = new Cached(path, from, to, slice);
        return slice;
    }

    private static long longProperty(String name, String v, long dflt) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("TraceLog: -D" + name + "=" + v + " is not an integer", e);
        }
    }
}
