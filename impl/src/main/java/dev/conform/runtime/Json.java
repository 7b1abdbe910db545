package dev.conform.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration the runtime uses for messages, persisted state and fault plans,
 * so the simulator and the TCP transport read and write the same bytes.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {
    }

    /** The shared mapper (thread-safe once configured; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes {@code value} to JSON and reads it back as {@code type}: what a node finds after a
     * crash is exactly what a disk would have given it, not a live reference.
     */
    public static Object roundTrip(Object value, Class<?> type) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.readValue(MAPPER.writeValueAsBytes(value), type);
        } catch (IOException e) {
            throw new UncheckedIOException("persisted state does not survive JSON: " + e.getMessage(), e);
        }
    }
}
