package dev.conform.tracing.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into newline-terminated lines with bounded memory: lines are found in
 * place in one reusable chunk buffer (no copy per line), and a line longer than the limit is
 * rejected before it is buffered whole. Each line is checked to be well-formed UTF-8 without NUL
 * bytes, so the JSON parser only ever sees clean UTF-8. The current line's bytes stay where they
 * are until the next call to {@link #next()}.
 *
 * <p>Why not Jackson alone (one parser over the whole stream of root values): Jackson has no
 * per-line limit (only per-token and whole-document ones), accepts overlong UTF-8 forms
 * ({@code C0 80} reads as NUL), and lets a value continue on the next line or share a line with
 * another (checked with jackson-core 2.21.2), all of which docs/trace-format.md forbids. What this layer costs is measured by {@code LineLayerBench}
 * (tracing tests): on 2026-12-06, a 300,000-event trace tokenized through this layer and
 * {@link LineGate} at 167.5 MB/s against 181.1 MB/s for Jackson on the whole stream, 0.92x, in
 * the same run; the validating reader ran at 0.46x (decoding every value and checking every rule).
 */
final class LineSource implements AutoCloseable {
    private static final int CHUNK = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;

    /** Null for a source over one chunk of bytes ({@link #reset}). */
    private final InputStream in;
    private final String file;
    private final int maxLineBytes;
    private byte[] buf = new byte[CHUNK];
    /** Bytes read so far are buf[0, lim). */
    private int lim;
    private boolean eof;
    /** The current line is buf[start, end); its newline is at end. */
    private int start;
    private int end;
    /** Where the line after the current one starts. */
    private int next;
    private long lineNo;

    LineSource(InputStream in, String file, int maxLineBytes) {
        this.in = in;
        this.file = file;
        this.maxLineBytes = maxLineBytes;
    }

    /** A source of the lines in chunks handed over with {@link #reset}; line numbers count from each chunk. */
    LineSource(String file, int maxLineBytes) {
        this(null, file, maxLineBytes);
    }

    /**
     * Reads the lines of {@code chunk[0, len)} next, as if it were the whole rest of the input
     * (a last line without a newline is truncated), numbering them from 1.
     */
    void reset(byte[] chunk, int len) {
        buf = chunk;
        lim = len;
        eof = true;
        start = end = next = 0;
        lineNo = 0;
    }

    /** The bytes read past the current line and not yet split into lines. */
    byte[] unread() {
        return Arrays.copyOfRange(buf, next, lim);
    }

    /** True when the underlying stream is exhausted (no more bytes beyond {@link #unread()}). */
    boolean atEof() {
        return eof;
    }

    /** Moves to the next line (without its newline); false at the end of the stream. */
    boolean next() {
        int s = next;
        int i = s;
        // any byte <= 0 (NUL or non-ASCII) makes this negative: only then is the full UTF-8 check run
        // (a word with a high bit set, or a zero byte, likewise)
        int low = 0;
        while (true) {
            byte[] b = buf;
            int l = lim;
            // eight bytes at a time up to the word holding the newline
            while (i + 8 <= l) {
                long w = (long) LONGS.get(b, i);
                long x = w ^ NEWLINES;
                if (((x - ONES) & ~x & HIGHS) != 0) {
                    break;
                }
                if (((w | (w - ONES) & ~w) & HIGHS) != 0) {
                    low = -1;
                }
                i += 8;
            }
            while (i < l) {
                int c = b[i];
                if (c == '\n') {
                    break;
                }
                low |= c - 1;
                i++;
            }
            if (i - s > maxLineBytes) {
                throw new TraceFormatException(file, lineNo + 1, 1,
                        "line longer than the limit of " + maxLineBytes + " bytes");
            }
            if (i < l) {
                break;
            }
            if (eof) {
                if (i == s) {
                    start = end = next = s;
                    return false;
                }
                lineNo++;
                throw new TraceFormatException(file, lineNo, Utf8.charCount(b, s, i - s) + 1,
                        "line is not terminated by a newline (truncated trace?)");
            }
            // keep the partial line, drop what is before it, and read more
            if (s > 0) {
                System.arraycopy(b, s, b, 0, l - s);
                lim = l - s;
                i -= s;
                s = 0;
            } else if (l == b.length) {
                grow();
            }
            fill();
        }
        lineNo++;
        start = s;
        end = i;
        next = i + 1;
        if (low < 0) {
            int bad = Utf8.firstInvalid(buf, s, i - s);
            if (bad >= 0) {
                String what = buf[bad] == 0 ? "NUL byte" : "invalid UTF-8 byte 0x"
                        + Integer.toHexString(buf[bad] & 0xff);
                throw new TraceFormatException(file, lineNo, Utf8.charCount(buf, s, bad - s) + 1, what);
            }
        }
        return true;
    }

    /** Room for a line of up to maxLineBytes plus the byte that shows it is longer. */
    private void grow() {
        long cap = Math.min((long) maxLineBytes + 1, Integer.MAX_VALUE - 16L);
        byte[] bigger = new byte[(int) Math.min(cap, 2L * buf.length)];
        System.arraycopy(buf, 0, bigger, 0, lim);
        buf = bigger;
    }

    private void fill() {
        try {
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
    }

    byte[] bytes() {
        return buf;
    }

    /** Offset of the current line's first byte in {@link #bytes()}. */
    int start() {
        return start;
    }

    /** Offset just past the current line's last byte (where its newline is). */
    int end() {
        return end;
    }

    /** 1-based number of the current line. */
    long lineNo() {
        return lineNo;
    }

    /** Goes back to a chunk-sized buffer after a very long line so memory stays bounded by typical lines. */
    void shrink() {
        if (buf.length > (1 << 20) && lim - next <= CHUNK) {
            byte[] small = new byte[CHUNK];
            System.arraycopy(buf, next, small, 0, lim - next);
            lim -= next;
            start = end = next = 0;
            buf = small;
        }
    }

    @Override
    public void close() {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
