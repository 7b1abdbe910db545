package dev.conform.tracing.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded byte-level and token-level mutations of NDJSON traces for fuzzing the reader: byte
 * flips, truncation, line swaps, duplicated and deleted lines, inserted garbage, replaced tokens,
 * deep nesting, long tokens, escapes and duplicate keys. Each draws only from the random source
 * given, so a case is replayed from its seed.
 */
public final class TraceMutations {
    private TraceMutations() {
    }

    public static byte[] mutate(byte[] base, SplittableRandom rnd) {
        byte[] b = base;
        int rounds = 1 + rnd.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            b = switch (rnd.nextInt(11)) {
                case 0 -> flipByte(b, rnd);
                case 1 -> Arrays.copyOf(b, rnd.nextInt(b.length + 1));
                case 2 -> swapLines(b, rnd);
                case 3 -> duplicateLine(b, rnd);
                case 4 -> insert(b, rnd, garbage(rnd));
                case 5 -> replaceToken(b, rnd);
                case 6 -> insert(b, rnd, nesting(rnd));
                case 7 -> insert(b, rnd, longToken(rnd));
                case 8 -> duplicateKey(b, rnd);
                case 9 -> replaceNumber(b, rnd);
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

    private static final String[] PIECES = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-1", "1e9", "\n",
        "\r\n", " ", "\t", "\"kind\":\"send\"", "99999999999999999999999", "\u00e9", "\"seq\":0,", "{}",
        "\"vc\":{\"1\":9},", "\\u0000", "\\ud800", "\\udc00\\ud800", "\\n", "\"\\u0001\":1,", "\uffff", "\ufeff",
        "\"type\":\"header\",", "\"node\":0,", "\"kind\":\"fault\",", "-0", "0.5", "1E400", "true", "\u2028",
        "\"\":", "/*", "'", "NaN", "Infinity", "\"msg\":null,", "\"state\":{\"a\":1,\"a\":2},", "\u0000"};

    private static byte[] garbage(SplittableRandom rnd) {
        if (rnd.nextInt(4) == 0) {
            byte[] g = new byte[1 + rnd.nextInt(8)];
            for (int i = 0; i < g.length; i++) {
                g[i] = (byte) rnd.nextInt(256);
            }
            return g;
        }
        return PIECES[rnd.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
    }

    /** Opening brackets, nested around a value or left open: around the nesting limit often. */
    private static byte[] nesting(SplittableRandom rnd) {
        int depth = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(20) : 150 + rnd.nextInt(120);
        boolean close = rnd.nextBoolean();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append(rnd.nextBoolean() ? "[" : "{\"k\":");
        }
        sb.append('1');
        if (close) {
            for (int i = sb.length() - 2; i >= 0; i--) {
                char c = sb.charAt(i);
                if (c == '[') {
                    sb.append(']');
                } else if (c == '{') {
                    sb.append('}');
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A long string, number or name: near line and number-length limits. */
    private static byte[] longToken(SplittableRandom rnd) {
        int n = rnd.nextInt(3) == 0 ? 3000 + rnd.nextInt(2000) : 15 + rnd.nextInt(40);
        StringBuilder sb = new StringBuilder();
        switch (rnd.nextInt(3)) {
            case 0 -> {
                sb.append('"');
                sb.append("x".repeat(n));
                sb.append('"');
            }
            case 1 -> {
                if (rnd.nextBoolean()) {
                    sb.append('-');
                }
                sb.append('1');
                for (int i = 1; i < n; i++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            default -> {
                sb.append("\"");
                sb.append("\\u00e9".repeat(n / 6 + 1));
                sb.append("\":");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insert(byte[] b, SplittableRandom rnd, byte[] g) {
        int at = rnd.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.writeBytes(g);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    /** Repeats the first key of a vector clock, message or state object, with another value. */
    private static byte[] duplicateKey(byte[] b, SplittableRandom rnd) {
        String s = new String(b, StandardCharsets.UTF_8);
        String[] objects = {"\"vc\":{", "\"msg\":{", "\"state\":{", "\"body\":{", "\"plan\":{", "\"params\":{",
            "\"roles\":{"};
        String open = objects[rnd.nextInt(objects.length)];
        int at = s.indexOf(open, rnd.nextInt(Math.max(1, s.length())));
        if (at < 0) {
            at = s.indexOf(open);
        }
        if (at < 0) {
            return b;
        }
        int keyStart = at + open.length();
        int colon = s.indexOf("\":", keyStart);
        if (colon < 0 || s.charAt(keyStart) != '"') {
            return b;
        }
        String key = s.substring(keyStart, colon + 2);
        String value = rnd.nextBoolean() ? "0," : "7,";
        return (s.substring(0, keyStart) + key + value + s.substring(keyStart)).getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces a digit run by an edge value. */
    private static byte[] replaceNumber(byte[] b, SplittableRandom rnd) {
        String[] edges = {"0", "-1", "-0", "2147483648", "-2147483649", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "1.0", "1e2", "00", "01", "4294967297"};
        int start = rnd.nextInt(Math.max(1, b.length));
        int i = start;
        while (i < b.length && (b[i] < '0' || b[i] > '9')) {
            i++;
        }
        if (i == b.length) {
            return b;
        }
        int j = i;
        while (j < b.length && b[j] >= '0' && b[j] <= '9') {
            j++;
        }
        byte[] edge = edges[rnd.nextInt(edges.length)].getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, i);
        out.writeBytes(edge);
        out.write(b, j, b.length - j);
        return out.toByteArray();
    }

    /** Replaces a short word by another, keeping JSON often valid. */
    private static byte[] replaceToken(byte[] b, SplittableRandom rnd) {
        String s = new String(b, StandardCharsets.UTF_8);
        String[] from = {"\"deliver\"", "\"send\"", "\"action\"", ":1,", ":2,", "\"seq\":", "\"vc\":", "\"msg\":",
            "\"lamport\":", "\"nodes\":[1,2,3]", "\"roles\":", "\"id\":", "\"to\":"};
        String[] to = {"\"drop\"", "\"timer\"", "\"deliver\"", ":3,", ":0,", "\"seqq\":", "\"vc\":{},\"x\":",
            "\"state\":", "\"lamport\":1,\"y\":", "\"nodes\":[1,1]", "\"nodes\":[]", "\"roles\":{\"servers\":[1]},",
            "\"msg\":{},\"z\":", "\"body\":", "\"vc\":{\"1\":1,\"1\":2},\"w\":"};
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

    /** The lines of {@code b}, each with its newline (the last one may lack it). */
    public static List<byte[]> lines(byte[] b) {
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

    public static byte[] join(List<byte[]> lines) {
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
}
