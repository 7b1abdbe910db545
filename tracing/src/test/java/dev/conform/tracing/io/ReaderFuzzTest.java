package dev.conform.tracing.io;

import dev.conform.runtime.prop.Arbitrary;
import dev.conform.runtime.prop.Gen;
import dev.conform.runtime.prop.Outcome;
import dev.conform.runtime.prop.Property;
import dev.conform.runtime.prop.Shrinker;
import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded mutations of valid traces ({@link TraceMutations}): the reader either reads the whole
 * input or throws a {@link TraceFormatException} whose message is one line
 * {@code file:line:column: reason} with a position inside the input, never another exception.
 * Inputs are a few kilobytes read with a 4 KiB line limit, so each case is bounded in memory.
 * Runs 10,000 cases by default and 200,000 under {@code mvn verify -Psoak} (or any number with
 * {@code -Dconform.fuzz.cases=N}); a failing case is shrunk by dropping lines, then bytes, and
 * reported with the seed that regenerates it.
 */
public class ReaderFuzzTest {
    private static final int CASES = Integer.getInteger("conform.fuzz.cases",
            Boolean.getBoolean("conform.soak") ? 200_000 : 10_000);
    private static final long SEED = 20261125L;
    private static final int MAX_LINE = 4096;

    /** A fuzz input, shown as text (bytes outside printable ASCII escaped) when a case fails. */
    record Input(byte[] bytes) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("\n");
            for (byte b : bytes) {
                int c = b & 0xff;
                if (c == '\n' || c >= 0x20 && c < 0x7f) {
                    sb.append((char) c);
                } else {
                    sb.append(String.format("\\x%02x", c));
                }
            }
            return sb.toString();
        }
    }

    @Test
    void mutatedTracesAreReadOrRejectedWithAPosition() {
        List<byte[]> bases = new ArrayList<>();
        for (long s = 0; s < 8; s++) {
            bases.add(render(s));
        }
        Gen<Input> gen = rnd -> new Input(TraceMutations.mutate(bases.get(rnd.nextInt(bases.size())), rnd));
        int[] outcomes = new int[2];
        Outcome<Input> o = Property.check("reader on mutated traces", SEED, CASES, new Arbitrary<>(gen, SHRINK),
                in -> {
                    outcomes[readsFully(in.bytes()) ? 0 : 1]++;
                    return true;
                });
        assertFalse(o.failed(), o::describe);
        // the mutations must exercise both outcomes, else the fuzzer tests nothing
        assertTrue(outcomes[1] > CASES / 2, "rejected " + outcomes[1]);
        assertTrue(outcomes[0] > CASES / 100, "accepted " + outcomes[0]);
        System.out.println("reader fuzz: " + CASES + " cases, " + outcomes[0] + " accepted, " + outcomes[1]
                + " rejected");
    }

    /** The shrinker must reach a small input, or failures would be reported as kilobytes of noise. */
    @Test
    void shrinkingReachesTheOffendingLine() {
        byte[] base = render(1);
        Outcome<Input> o = Property.check("no input mentions vc", 5L, 10,
                new Arbitrary<>(rnd -> new Input(base), SHRINK),
                in -> !new String(in.bytes(), StandardCharsets.UTF_8).contains("\"vc\""));
        assertTrue(o.failed());
        assertTrue(o.minimal().bytes().length <= 4, o::describe);
    }

    public static byte[] render(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NdjsonSink sink = new NdjsonSink(out)) {
            sink.header(TraceSamples.header(3));
            for (TraceEvent e : TraceSamples.events(seed, 3, 25)) {
                sink.event(e);
            }
        }
        return out.toByteArray();
    }

    /**
     * True when the reader accepts the input, false when it rejects it with a well-formed
     * positioned error; throws (failing the case) on anything else.
     */
    private static boolean readsFully(byte[] input) {
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(input), "fuzz",
                TraceReader.Options.defaults().withMaxLineBytes(MAX_LINE))) {
            while (r.next() != null) {
                // consume
            }
            return true;
        } catch (TraceFormatException e) {
            List<byte[]> lines = TraceMutations.lines(input);
            long line = e.line();
            // a line number one past the last line: the input ends without a newline-terminated line
            boolean inside = line >= 1 && line <= lines.size() + 1;
            int lineBytes = line >= 1 && line <= lines.size() ? lines.get((int) line - 1).length : 0;
            if (!inside || e.column() < 1 || e.column() > lineBytes + 1) {
                throw new AssertionError("position outside the input: " + e.getMessage());
            }
            String m = e.getMessage();
            if (!m.startsWith("fuzz:" + e.line() + ":" + e.column() + ": ") || m.length() > 600
                    || m.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new AssertionError("not a one-line positioned message: " + m);
            }
            return false;
        }
    }

    /** Drop whole lines (halves first), then runs of bytes. */
    private static final Shrinker<Input> SHRINK = in -> {
        List<Input> out = new ArrayList<>();
        List<byte[]> lines = TraceMutations.lines(in.bytes());
        Shrinker<List<byte[]>> byLines = Shrinker.list(Shrinker.none());
        for (List<byte[]> fewer : byLines.candidates(lines)) {
            out.add(new Input(TraceMutations.join(fewer)));
        }
        byte[] b = in.bytes();
        // then byte runs, longest first; single bytes only once the input is small
        int smallest = b.length <= 2000 ? 1 : b.length / 64;
        for (int run = b.length / 2; run >= smallest && run >= 1; run /= 2) {
            for (int at = 0; at + run <= b.length; at += run) {
                byte[] c = new byte[b.length - run];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + run, c, at, b.length - at - run);
                out.add(new Input(c));
            }
        }
        return out;
    };

    @Test
    void mutationsAreSeeded() {
        byte[] base = render(3);
        for (long s = 0; s < 50; s++) {
            byte[] a = TraceMutations.mutate(base, new SplittableRandom(s));
            byte[] b = TraceMutations.mutate(base, new SplittableRandom(s));
            assertTrue(java.util.Arrays.equals(a, b), "seed " + s);
        }
    }
}
