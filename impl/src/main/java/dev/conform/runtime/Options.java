package dev.conform.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Run options of an algorithm: string key/value pairs (from the command line or a test) plus the
 * set of teaching flaws switched on. Immutable; keys are kept sorted so that writing them into a
 * trace header is deterministic.
 */
public final class Options {
    private static final Options EMPTY = new Options(new TreeMap<>(), new TreeSet<>());

    private final TreeMap<String, String> values;
    private final TreeSet<String> flaws;

    private Options(TreeMap<String, String> values, TreeSet<String> flaws) {
        this.values = values;
        this.flaws = flaws;
    }

    public static Options empty() {
        return EMPTY;
    }

    public static Options of(Map<String, String> values) {
        return new Options(new TreeMap<>(values), new TreeSet<>());
    }

    /** This with {@code key} set to {@code value}. */
    public Options with(String key, Object value) {
        TreeMap<String, String> v = new TreeMap<>(values);
        v.put(key, String.valueOf(value));
        return new Options(v, flaws);
    }

    /** This with the teaching flaw {@code name} switched on (null or empty: unchanged). */
    public Options withFlaw(String name) {
        if (name == null || name.isEmpty()) {
            return this;
        }
        TreeSet<String> f = new TreeSet<>(flaws);
        f.add(name);
        return new Options(values, f);
    }

    /** True when the teaching flaw {@code name} is switched on. */
    public boolean flaw(String name) {
        return flaws.contains(name);
    }

    public Set<String> flaws() {
        return Collections.unmodifiableSet(flaws);
    }

    public Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    public String get(String key, String def) {
        return values.getOrDefault(key, def);
    }

    public int getInt(String key, int def) {
        String v = values.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be an integer, got '" + v + "'");
        }
    }

    public long getLong(String key, long def) {
        String v = values.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be an integer, got '" + v + "'");
        }
    }

    public boolean getBoolean(String key, boolean def) {
        String v = values.get(key);
        return v == null ? def : Boolean.parseBoolean(v.trim());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Options other && other.values.equals(values) && other.flaws.equals(flaws);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + flaws.hashCode();
    }

    @Override
    public String toString() {
        return "Options" + values + (flaws.isEmpty() ? "" : " flaws=" + flaws);
    }
}
