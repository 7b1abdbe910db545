package dev.conform.tracing.io;

import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading with parsing threads gives exactly what the sequential reader gives: the same events
 * and the same first error, text and position. The inputs are the reader fuzz test's mutated
 * traces, read with chunks of a few dozen to a few hundred bytes so that chunk boundaries fall
 * everywhere: inside lines, before and after errors, inside over-long lines.
 */
class ParallelReaderParityTest {
    private static final int CASES = Integer.getInteger("conform.fuzz.cases", 4000) / 4;

    @Test
    void mutatedTracesReadTheSameOnParsingThreads() {
        List<byte[]> bases = new ArrayList<>();
        for (long s = 0; s < 8; s++) {
            bases.add(ReaderFuzzTest.render(s));
        }
        SplittableRandom master = new SplittableRandom(20261126L);
        int errors = 0;
        for (int c = 0; c < CASES; c++) {
            long seed = master.nextLong();
            SplittableRandom rnd = new SplittableRandom(seed);
            byte[] input = TraceMutations.mutate(bases.get(rnd.nextInt(bases.size())), rnd);
            int threads = 2 + rnd.nextInt(3);
            int chunk = 16 + rnd.nextInt(400);
            String sequential = outcome(input, 1, chunk);
            String parallel = outcome(input, threads, chunk);
            assertEquals(sequential, parallel, "case seed " + seed + " (" + threads + " threads, chunks of "
                    + chunk + " bytes):\n" + new String(input, StandardCharsets.ISO_8859_1));
            if (sequential.startsWith("error")) {
                errors++;
            }
        }
        assertTrue(errors > CASES / 2 && errors < CASES, "both outcomes exercised: " + errors + " errors");
    }

    @Test
    void longTraceReadsTheSameInLargeChunks() {
        // repeated events break seq and clocks, so the cross-line checks are off: this is about
        // moving many full-size chunks through the pipeline
        String[] lines = new String(ReaderFuzzTest.render(0), StandardCharsets.UTF_8).split("\n");
        StringBuilder big = new StringBuilder(lines[0]).append('\n');
        for (int i = 0; i < 2000; i++) {
            for (int j = 1; j < lines.length; j++) {
                big.append(lines[j]).append('\n');
            }
        }
        byte[] input = big.toString().getBytes(StandardCharsets.UTF_8);
        TraceReader.Options noCausality = TraceReader.Options.defaults().withCausality(false);
        List<TraceEvent> a = readAll(input, noCausality, ParallelEventParser.DEFAULT_CHUNK);
        List<TraceEvent> b = readAll(input, noCausality.withParseThreads(2), 4096);
        assertEquals(2000 * (lines.length - 1), a.size());
        assertEquals(a, b);
    }

    @Test
    void readFailureAfterSomeEventsSurfacesInOrder() {
        byte[] good = ReaderFuzzTest.render(1);
        InputStream failing = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos == good.length / 2) {
                    throw new IOException("disk gone");
                }
                return good[pos++] & 0xff;
            }
        };
        TraceReader r = new TraceReader(failing, "half", TraceReader.Options.defaults().withParseThreads(2), 64);
        int n = 0;
        try (r) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                while (r.next() != null) {
                    // consume
                }
            });
            assertTrue(e.getMessage().contains("cannot read trace half"), e.getMessage());
            n = (int) r.line();
        }
        assertTrue(n > 2, "events before the failure were handed out: " + n);
    }

    @Test
    void closingEarlyStopsTheParsingThreads() throws InterruptedException {
        byte[] good = ReaderFuzzTest.render(2);
        for (int i = 0; i < 50; i++) {
            try (TraceReader r = new TraceReader(new ByteArrayInputStream(good), "early",
                    TraceReader.Options.defaults().withParseThreads(2), 32)) {
                r.next();
            }
        }
        // the pools were shut down: their daemon threads end shortly after
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (parsingThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, parsingThreads());
    }

    private static long parsingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("conform-trace-")).count();
    }

    private static String outcome(byte[] input, int threads, int chunk) {
        TraceReader.Options o = TraceReader.Options.defaults().withMaxLineBytes(4096).withParseThreads(threads);
        List<String> events = new ArrayList<>();
        try (TraceReader r = new TraceReader(new ByteArrayInputStream(input), "fuzz", o, chunk)) {
            for (TraceEvent e; (e = r.next()) != null; ) {
                events.add(r.line() + " " + e);
            }
            return "ok " + events;
        } catch (TraceFormatException e) {
            return "error " + e.getMessage() + " after " + events;
        }
    }

    private static List<TraceEvent> readAll(byte[] input, TraceReader.Options o, int chunk) {
        List<TraceEvent> out = new ArrayList<>();
        try (TraceReader r = new TraceReader(new ByteArrayInputStream(input), "big", o, chunk)) {
            for (TraceEvent e; (e = r.next()) != null; ) {
                out.add(e);
            }
        }
        return out;
    }
}
