package dev.conform.tracing.itf;

/** A value the producer could not serialize, {@code {"#unserializable": "text"}}. */
public record ItfUnserializable(String text) {
}
