package dev.conform.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.VectorClock;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * NDJSON trace throughput: writes ~1M synthetic Raft-like events (state with a short log,
 * AppendEntries bodies, Lamport and vector clocks) with {@link NdjsonSink} and, alternating, with
 * Jackson's streaming generator ({@link JacksonEventWriter}, checked to write the same bytes),
 * reads them back with
 * the validating {@link TraceReader}, and compares with Jackson tokenizing the same file and
 * with {@code ObjectMapper.readTree} per line. Prints events/s, the reader/raw ratio and the
 * peak heap while reading (run with a small heap to show memory does not grow with the trace).
 * The three read paths alternate over {@value #PASSES} passes and each keeps its best pass, so
 * load from other processes distorts the ratios less.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl test -am test-compile -DskipTests
 * mvn -B -q -pl tracing dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -cp test/target/test-classes:tracing/target/classes:$(cat tracing/target/cp.txt) \
 *      dev.conform.bench.TraceIoBench [events, default 1000000] [file, default a temp file]
 * </pre>
 */
public final class TraceIoBench {
    private static final int NODES = 3;
    private static final int PASSES = 3;

    private TraceIoBench() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("trace-bench", ".ndjson");
        try {
            // warm up every path (the JIT needs several passes) on a smaller trace first
            Path warm = Files.createTempFile("trace-bench-warm", ".ndjson");
            for (int round = 0; round < 5; round++) {
                generateOnly(200_000);
                write(warm, 200_000);
                writeJackson(warm, 200_000);
                read(warm);
                tokenize(warm);
                readTreePerLine(warm);
            }
            Files.delete(warm);

            long t0 = System.nanoTime();
            generateOnly(events);
            double genSec = seconds(t0);

            // the hand-written sink and Jackson's generator alternate, each keeping its best pass
            Path jacksonFile = Files.createTempFile("trace-bench-jackson", ".ndjson");
            double writeSec = Double.MAX_VALUE;
            double jacksonSec = Double.MAX_VALUE;
            for (int pass = 0; pass < PASSES; pass++) {
                t0 = System.nanoTime();
                write(file, events);
                writeSec = Math.min(writeSec, seconds(t0));
                t0 = System.nanoTime();
                writeJackson(jacksonFile, events);
                jacksonSec = Math.min(jacksonSec, seconds(t0));
            }
            long bytes = Files.size(file);
            boolean same = Files.mismatch(file, jacksonFile) < 0;
            Files.delete(jacksonFile);
            if (!same) {
                throw new IllegalStateException("Jackson's generator wrote other bytes than NdjsonSink");
            }

            // the machine may be shared: alternate the three read paths and keep each one's best pass
            double readSec = Double.MAX_VALUE;
            double rawSec = Double.MAX_VALUE;
            double treeSec = Double.MAX_VALUE;
            long heapBefore = 0;
            long peak = 0;
            long tokens = 0;
            long trees = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                System.gc();
                resetPeaks();
                heapBefore = Math.max(heapBefore, usedHeap());
                t0 = System.nanoTime();
                long read = read(file);
                readSec = Math.min(readSec, seconds(t0));
                peak = Math.max(peak, peakHeap());
                if (read != events) {
                    throw new IllegalStateException("read " + read + " events, wrote " + events);
                }
                t0 = System.nanoTime();
                tokens = tokenize(file);
                rawSec = Math.min(rawSec, seconds(t0));
                t0 = System.nanoTime();
                trees = readTreePerLine(file);
                treeSec = Math.min(treeSec, seconds(t0));
            }

            double writeOnly = writeSec - genSec;
            System.out.printf("events                     %,d (%,d bytes, %.0f bytes/event)%n", events, bytes,
                    (double) bytes / events);
            System.out.printf("generate only              %,.0f events/s%n", events / genSec);
            System.out.printf("NDJSON write (incl. gen.)  %,.0f events/s, %.1f MB/s%n", events / writeSec,
                    bytes / writeSec / 1e6);
            System.out.printf("NDJSON write (excl. gen.)  %,.0f events/s%n", events / Math.max(writeOnly, 1e-9));
            double jacksonOnly = jacksonSec - genSec;
            System.out.printf("Jackson generator (incl.)  %,.0f events/s, %.1f MB/s (same bytes)%n", events / jacksonSec,
                    bytes / jacksonSec / 1e6);
            System.out.printf("Jackson generator (excl.)  %,.0f events/s%n", events / Math.max(jacksonOnly, 1e-9));
            System.out.printf("Jackson / NdjsonSink write %.2f incl. generation, %.2f excl.%n", writeSec / jacksonSec,
                    writeOnly / Math.max(jacksonOnly, 1e-9));
            System.out.printf("TraceReader (validating)   %,.0f events/s, %.1f MB/s%n", events / readSec,
                    bytes / readSec / 1e6);
            System.out.printf("raw Jackson tokenize       %,.0f events/s, %.1f MB/s (%,d tokens)%n", events / rawSec,
                    bytes / rawSec / 1e6, tokens);
            System.out.printf("readTree per line          %,.0f events/s (%,d lines)%n", trees / treeSec, trees);
            System.out.printf("reader / raw tokenize      %.2f%n", rawSec / readSec);
            System.out.printf("reader / readTree per line %.2f%n", treeSec / readSec);
            System.out.printf("heap used before reading   %,d KiB%n", heapBefore / 1024);
            System.out.printf("peak heap while reading    %,d KiB (max heap %,d MiB)%n", peak / 1024,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        } finally {
            if (args.length <= 1) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A causally valid Raft-like event stream, produced on the fly so nothing accumulates. */
    private static final class Generator {
        private final SplittableRandom rnd = new SplittableRandom(7);
        private final VectorClock[] vc = new VectorClock[NODES + 1];
        private final long[] lamport = new long[NODES + 1];
        private final List<Object[]> inFlight = new ArrayList<>();
        private long seq;
        private long nextId = 1;

        Generator() {
            for (int n = 1; n <= NODES; n++) {
                vc[n] = VectorClock.empty();
            }
        }

        TraceEvent next() {
            int c = rnd.nextInt(3);
            if (c == 0 && inFlight.size() < 64 || inFlight.isEmpty()) {
                int from = 1 + rnd.nextInt(NODES);
                int to = from % NODES + 1;
                vc[from] = vc[from].tick(from);
                lamport[from]++;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("term", 3L);
                body.put("prevLogIndex", seq / 10);
                body.put("prevLogTerm", 2L);
                body.put("entries", List.of(entry(3, "v" + seq)));
                body.put("leaderCommit", seq / 12);
                TraceMessage m = new TraceMessage(nextId++, from, to, "AppendEntries", body);
                inFlight.add(new Object[]{m, vc[from], lamport[from]});
                return new TraceEvent(seq++, from, EventKind.SEND, null, m, null, lamport[from], vc[from]);
            }
            if (c == 1) {
                Object[] f = inFlight.remove(0);
                TraceMessage m = (TraceMessage) f[0];
                int to = m.to();
                vc[to] = vc[to].tick(to).merge((VectorClock) f[1]);
                lamport[to] = Math.max(lamport[to], (Long) f[2]) + 1;
                return new TraceEvent(seq++, to, EventKind.DELIVER, null, m, null, lamport[to], vc[to]);
            }
            int n = 1 + rnd.nextInt(NODES);
            vc[n] = vc[n].tick(n);
            lamport[n]++;
            return new TraceEvent(seq++, n, EventKind.ACTION, "HandleAppendEntries", null, state(n), lamport[n], vc[n]);
        }

        private Map<String, Object> state(int n) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("currentTerm", 3L);
            s.put("role", n == 1 ? "Leader" : "Follower");
            s.put("votedFor", 1L);
            List<Object> log = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                log.add(entry(i < 2 ? 1 : 3, "value-" + (seq - i)));
            }
            s.put("log", log);
            s.put("snapshotIndex", 0L);
            s.put("snapshotTerm", 0L);
            s.put("commitIndex", seq / 12);
            return s;
        }

        private static Map<String, Object> entry(long term, String value) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("term", term);
            e.put("value", value);
            return e;
        }
    }

    private static TraceHeader header() {
        return new TraceHeader(TraceHeader.SCHEMA_VERSION, "raft", List.of(1, 2, 3), 7L, null,
                "trace-io-bench", Map.of());
    }

    private static long generateOnly(int events) {
        Generator g = new Generator();
        long h = 0;
        for (int i = 0; i < events; i++) {
            h += g.next().seq();
        }
        return h;
    }

    private static void write(Path file, int events) {
        Generator g = new Generator();
        try (NdjsonSink sink = new NdjsonSink(file)) {
            sink.header(header());
            for (int i = 0; i < events; i++) {
                sink.event(g.next());
            }
        }
    }

    /** The same lines as {@link #write}, the events through Jackson's streaming generator. */
    private static void writeJackson(Path file, int events) throws IOException {
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        try (NdjsonSink sink = new NdjsonSink(head)) {
            sink.header(header());
        }
        Generator g = new Generator();
        try (JacksonEventWriter w = new JacksonEventWriter(Files.newOutputStream(file), head.toByteArray())) {
            for (int i = 0; i < events; i++) {
                w.event(g.next());
            }
        }
    }

    private static long read(Path file) {
        long n = 0;
        try (TraceReader r = TraceReader.open(file)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }

    private static long tokenize(Path file) throws IOException {
        JsonFactory f = new JsonFactory();
        long tokens = 0;
        try (InputStream in = Files.newInputStream(file); JsonParser p = f.createParser(in)) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    private static long readTreePerLine(Path file) throws IOException {
        ObjectMapper m = new ObjectMapper();
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (m.readTree(line).size() > 0) {
                    lines++;
                }
            }
        }
        return lines;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
