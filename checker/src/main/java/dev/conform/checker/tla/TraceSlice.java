package dev.conform.checker.tla;

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

    /** The slice named by this JVM's system properties. */
    public static TraceSlice fromSystemProperties() {
        String path = System.getProperty(PATH);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("TraceLog: no trace file; pass -D" + PATH + "=<file.ndjson> to TLC");
        }
        return new TraceSlice(path, longProperty(FROM, 1), longProperty(TO, Long.MAX_VALUE));
    }

    private static long longProperty(String name, long dflt) {
        String v = System.getProperty(name);
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
