package dev.conform.tracing.merge;

import dev.conform.tracing.TraceEvent;

/** One node's events in that node's order, read one at a time. */
interface MergeSource extends AutoCloseable {
    /** The next event, or null at the end. */
    TraceEvent next();

    /** Where the last returned event came from, e.g. {@code n1.ndjson:7}. */
    String position();

    /** A name for the whole source, e.g. the file name. */
    String name();

    @Override
    void close();
}
