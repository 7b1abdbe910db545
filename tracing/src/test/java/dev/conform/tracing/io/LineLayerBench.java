package dev.conform.tracing.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.conform.tracing.TraceEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the reader's hand-written line layer ({@link LineSource}: newline scan, strict UTF-8,
 * line limit; {@link LineGate}: one line per document) costs against Jackson alone. On the same
 * trace file, alternating, best of five passes each: Jackson tokenizing the whole file as one
 * stream of root values; one Jackson parser tokenizing it line by line through the line layer;
 * and the validating {@link TraceReader} (every value decoded, every rule checked).
 *
 * <p>Run from the repository root after {@code mvn -B -o -q -pl tracing test-compile}:
 * <pre>
 * java -Xmx256m -cp tracing/target/test-classes:tracing/target/classes:JACKSON_JARS \
 *      dev.conform.tracing.io.LineLayerBench [trace.ndjson | events, default 300000]
 * </pre>
 */
public final class LineLayerBench {
    private static final int PASSES = 5;

    private LineLayerBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file;
        boolean temp = args.length == 0 || args[0].chars().allMatch(Character::isDigit);
        if (temp) {
            file = Files.createTempFile("line-layer", ".ndjson");
            int events = args.length == 0 ? 300_000 : Integer.parseInt(args[0]);
            try (NdjsonSink sink = new NdjsonSink(file)) {
                sink.header(TraceSamples.header(3));
                for (TraceEvent e : TraceSamples.events(11, 3, events)) {
                    sink.event(e);
                }
            }
        } else {
            file = Path.of(args[0]);
        }
        try {
            for (int i = 0; i < 3; i++) {
                direct(file);
                layered(file);
                validating(file);
            }
            double direct = Double.MAX_VALUE;
            double layered = Double.MAX_VALUE;
            double validating = Double.MAX_VALUE;
            long tokens = 0;
            long lineTokens = 0;
            long events = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                long t0 = System.nanoTime();
                tokens = direct(file);
                direct = Math.min(direct, (System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                lineTokens = layered(file);
                layered = Math.min(layered, (System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                events = validating(file);
                validating = Math.min(validating, (System.nanoTime() - t0) / 1e9);
            }
            if (tokens != lineTokens) {
                throw new IllegalStateException("token counts differ: " + tokens + " vs " + lineTokens);
            }
            double mb = Files.size(file) / 1e6;
            System.out.printf("%,d events, %.1f MB, %,d tokens%n", events, mb, tokens);
            System.out.printf("Jackson, whole stream       %8.1f MB/s%n", mb / direct);
            System.out.printf("Jackson through line layer  %8.1f MB/s (%.2fx the whole stream)%n", mb / layered,
                    direct / layered);
            System.out.printf("TraceReader (validating)    %8.1f MB/s (%.2fx the whole stream)%n", mb / validating,
                    direct / validating);
        } finally {
            if (temp) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static long direct(Path file) throws IOException {
        long n = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory().createParser(in)) {
            while (p.nextToken() != null) {
                n++;
            }
        }
        return n;
    }

    private static long layered(Path file) throws IOException {
        long n = 0;
        LineSource lines = new LineSource(Files.newInputStream(file), file.toString(),
                TraceReader.DEFAULT_MAX_LINE_BYTES);
        LineGate gate = new LineGate();
        try (lines; JsonParser p = new JsonFactory().createParser(gate)) {
            while (lines.next()) {
                gate.open(lines.bytes(), lines.start(), lines.end());
                // one root value per line: stop at its end, so the parser does not ask for more input
                int depth = 0;
                do {
                    JsonToken t = p.nextToken();
                    n++;
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        depth++;
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        depth--;
                    }
                } while (depth > 0);
                lines.shrink();
            }
        }
        return n;
    }

    private static long validating(Path file) {
        long n = 0;
        try (TraceReader r = TraceReader.open(file)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }
}
