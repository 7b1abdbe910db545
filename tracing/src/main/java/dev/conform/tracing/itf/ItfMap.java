package dev.conform.tracing.itf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ITF map (a TLA+ function), {@code {"#map": [[key, value], ...]}}, whose keys may be any
 * value. Records (string keys known in advance) are plain {@code Map<String,Object>} instead.
 */
public record ItfMap(Map<Object, Object> entries) {
    public ItfMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
