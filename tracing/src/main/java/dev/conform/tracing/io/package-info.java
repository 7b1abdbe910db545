/**
 * NDJSON trace files: {@link dev.conform.tracing.io.NdjsonSink} writes them, encoding lines
 * straight into a byte buffer ({@code JsonBytes}, with Jackson's bytes: {@code RecordShape} for
 * records, {@code EncodedStrings} for repeated names, {@code ClockWriter} for vector clocks);
 * {@link dev.conform.tracing.io.BackgroundNdjsonSink} writes the same bytes from a writer thread
 * (the caller writes the encoded buffers to the file through {@code ChunkRelay});
 * {@link dev.conform.tracing.io.TraceReader} streams them back and rejects anything outside
 * docs/trace-format.md with a {@code file:line:column} message
 * ({@link dev.conform.tracing.io.TraceFormatException}).
 *
 * <p>The reader finds lines in place in one chunk buffer ({@code LineSource}, which also checks
 * UTF-8 and the line limit) and parses them all with one Jackson parser that reads through a
 * {@code LineGate}: the gate hands the parser one line at a time and ends its input there, so
 * every line is judged as a document of its own while parser set-up and field-name table are
 * paid once per file. Small objects come back as array-backed maps ({@code ObjectFields}).
 *
 * <p>Asked for more than one parse thread, the reader cuts the input after a newline into
 * chunks and parses them on a pool ({@code ParallelEventParser}), each thread with its own
 * parser; the calling thread takes the chunks in order and runs the cross-line checks
 * ({@code CausalityCheck}), so events and errors are exactly the sequential reader's.
 */
package dev.conform.tracing.io;
