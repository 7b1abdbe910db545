package dev.conform.tracing.io;

import dev.conform.tracing.TraceEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded mutations of valid traces (byte flips, truncation, line swaps, duplicated lines,
 * inserted garbage): the reader either reads the whole input or throws a
 * {@link TraceFormatException} with a sane position, never another exception. Inputs are a few
 * kilobytes, so each case is bounded. A failing case is shrunk by dropping lines and bytes.
 */
class ReaderFuzzTest {
    private static final int CASES = Integer.getInteger("conform.fuzz.cases", 4000);

    @Test
    void mutatedTracesFailOnlyWithPositions() {
        List<byte[]> bases = new ArrayList<>();
        for (long s = 0; s < 8; s++) {
            bases.add(render(s));
        }
        SplittableRandom master = new SplittableRandom(20261125L);
        int accepted = 0;
        int rejected = 0;
        for (int c = 0; c < CASES; c++) {
            long seed = master.nextLong();
            SplittableRandom rnd = new SplittableRandom(seed);
            byte[] input = mutate(bases.get(rnd.nextInt(bases.size())), rnd);
            boolean[] ok = new boolean[1];
            String problem = problem(input, ok);
            if (problem != null) {
                byte[] small = shrink(input);
                fail("case seed " + seed + ": " + problem + "\nshrunk input:\n"
                        + new String(small, StandardCharsets.ISO_8859_1));
            }
            if (ok[0]) {
                accepted++;
            } else {
                rejected++;
            }
        }
        // the mutations must exercise both outcomes, else the fuzzer tests nothing
        assertTrue(rejected > CASES / 2, "rejected " + rejected);
        assertTrue(accepted > 0, "accepted " + accepted);
        System.out.println("reader fuzz: " + CASES + " cases, " + accepted + " accepted, " + rejected + " rejected");
    }

    static byte[] render(long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NdjsonSink sink = new NdjsonSink(out)) {
            sink.header(TraceSamples.header(3));
            for (TraceEvent e : TraceSamples.events(seed, 3, 25)) {
                sink.event(e);
            }
        }
        return out.toByteArray();
    }

    /** Null when the reader behaves; else what went wrong. */
    private static String problem(byte[] input) {
        return problem(input, new boolean[1]);
    }

    private static String problem(byte[] input, boolean[] accepted) {
        long lines = 1;
        for (byte b : input) {
            if (b == '\n') {
                lines++;
            }
        }
        try {
            accepted[0] = readsFully(input);
            return null;
        } catch (TraceFormatException e) {
            if (e.line() < 1 || e.line() > lines || e.column() < 1 || e.getMessage().indexOf('\n') >= 0
                    || !e.getMessage().startsWith("fuzz:" + e.line() + ":" + e.column() + ": ")) {
                return "bad position or message: " + e.getMessage();
            }
            return null;
        } catch (Throwable t) {
            return "unexpected " + t;
        }
    }

    private static boolean readsFully(byte[] input) {
        try (TraceReader r = TraceReader.of(new ByteArrayInputStream(input), "fuzz",
                TraceReader.Options.defaults().withMaxLineBytes(4096))) {
            while (r.next() != null) {
                // consume
            }
            return true;
        }
    }

    static byte[] mutate(byte[] base, SplittableRandom rnd) {
        byte[] b = base;
        int rounds = 1 + rnd.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            b = switch (rnd.nextInt(7)) {
                case 0 -> flipByte(b, rnd);
                case 1 -> Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 2 -> swapLines(b, rnd);
                case 3 -> duplicateLine(b, rnd);
                case 4 -> insertGarbage(b, rnd);
                case 5 -> replaceToken(b, rnd);
                default -> deleteLine(b, rnd);
            };
        }
        return b;
    }

    private static byte[] flipByte(byte[] b, SplittableRandom rnd) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        int i = rnd.nextInt(c.length);
        c[i] = rnd.nextBoolean() ? (byte) (c[i] ^ (1 << rnd.nextInt(8))) : (byte) rnd.nextInt(256);
        return c;
    }

    private static byte[] insertGarbage(byte[] b, SplittableRandom rnd) {
        String[] pieces = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-1", "1e9", "\n", "\r\n", " ",
            "\"kind\":\"send\"", "99999999999999999999999", "\u00e9", "\"seq\":0,", "{}", "\"vc\":{\"1\":9},"};
        byte[] g;
        if (rnd.nextInt(4) == 0) {
            g = new byte[1 + rnd.nextInt(8)];
            for (int i = 0; i < g.length; i++) {
                g[i] = (byte) rnd.nextInt(256);
            }
        } else {
            g = pieces[rnd.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8);
        }
        int at = rnd.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(g);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    /** Replaces a digit run or a short word by another, keeping JSON often valid. */
    private static byte[] replaceToken(byte[] b, SplittableRandom rnd) {
        String s = new String(b, StandardCharsets.UTF_8);
        String[] from = {"\"deliver\"", "\"send\"", "\"action\"", ":1,", ":2,", "\"seq\":", "\"vc\":", "\"msg\":", "\"lamport\":"};
        String[] to = {"\"drop\"", "\"timer\"", "\"deliver\"", ":3,", ":0,", "\"seqq\":", "\"vc\":{},\"x\":", "\"state\":", "\"lamport\":1,\"y\":"};
        int k = rnd.nextInt(from.length);
        int idx = s.indexOf(from[k], rnd.nextInt(Math.max(1, s.length())));
        if (idx < 0) {
            idx = s.indexOf(from[k]);
        }
        if (idx < 0) {
            return b;
        }
        return (s.substring(0, idx) + to[rnd.nextInt(to.length)] + s.substring(idx + from[k].length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<byte[]> lines(byte[] b) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        if (start < b.length) {
            out.add(Arrays.copyOfRange(b, start, b.length));
        }
        return out;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] swapLines(byte[] b, SplittableRandom rnd) {
        List<byte[]> l = lines(b);
        if (l.size() < 2) {
            return b;
        }
        int i = rnd.nextInt(l.size());
        int j = rnd.nextInt(l.size());
        byte[] t = l.get(i);
        l.set(i, l.get(j));
        l.set(j, t);
        return join(l);
    }

    private static byte[] duplicateLine(byte[] b, SplittableRandom rnd) {
        List<byte[]> l = lines(b);
        if (l.isEmpty()) {
            return b;
        }
        int i = rnd.nextInt(l.size());
        l.add(rnd.nextInt(l.size() + 1), l.get(i));
        return join(l);
    }

    private static byte[] deleteLine(byte[] b, SplittableRandom rnd) {
        List<byte[]> l = lines(b);
        if (l.isEmpty()) {
            return b;
        }
        l.remove(rnd.nextInt(l.size()));
        return join(l);
    }

    /** Greedy shrinking: drop whole lines, then single bytes, while the problem persists. */
    private static byte[] shrink(byte[] input) {
        byte[] cur = input;
        boolean progress = true;
        while (progress) {
            progress = false;
            List<byte[]> l = lines(cur);
            for (int i = 0; i < l.size() && !progress; i++) {
                List<byte[]> fewer = new ArrayList<>(l);
                fewer.remove(i);
                byte[] cand = join(fewer);
                if (problem(cand) != null) {
                    cur = cand;
                    progress = true;
                }
            }
            for (int i = 0; i < cur.length && !progress && cur.length < 2000; i++) {
                byte[] cand = new byte[cur.length - 1];
                System.arraycopy(cur, 0, cand, 0, i);
                System.arraycopy(cur, i + 1, cand, i, cur.length - i - 1);
                if (problem(cand) != null) {
                    cur = cand;
                    progress = true;
                }
            }
        }
        return cur;
    }
}
