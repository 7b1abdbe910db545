package dev.conform.tracing.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Splits a byte stream into newline-terminated lines with bounded memory: a line longer than
 * the limit is rejected before it is buffered whole. Each line is checked to be well-formed
 * UTF-8 without NUL bytes, so the JSON parser only ever sees clean UTF-8.
 */
final class LineSource implements AutoCloseable {
    private final InputStream in;
    private final String file;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;
    private byte[] line = new byte[1 << 12];
    private int lineLen;
    private long lineNo;

    LineSource(InputStream in, String file, int maxLineBytes) {
        this.in = in;
        this.file = file;
        this.maxLineBytes = maxLineBytes;
    }

    /** Loads the next line (without its newline); false at the end of the stream. */
    boolean next() {
        lineLen = 0;
        while (true) {
            if (pos == lim) {
                fill();
                if (eof) {
                    if (lineLen == 0) {
                        return false;
                    }
                    lineNo++;
                    throw new TraceFormatException(file, lineNo, Utf8.charCount(line, 0, lineLen) + 1,
                            "line is not terminated by a newline (truncated trace?)");
                }
            }
            int i = pos;
            byte[] b = buf;
            int l = lim;
            while (i < l && b[i] != '\n') {
                i++;
            }
            append(pos, i - pos);
            if (i < l) {
                pos = i + 1;
                lineNo++;
                int bad = Utf8.firstInvalid(line, 0, lineLen);
                if (bad >= 0) {
                    String what = line[bad] == 0 ? "NUL byte" : "invalid UTF-8 byte 0x"
                            + Integer.toHexString(line[bad] & 0xff);
                    throw new TraceFormatException(file, lineNo, Utf8.charCount(line, 0, bad) + 1, what);
                }
                return true;
            }
            pos = i;
        }
    }

    private void append(int from, int n) {
        if (n == 0) {
            return;
        }
        int need = lineLen + n;
        if (need > maxLineBytes) {
            throw new TraceFormatException(file, lineNo + 1, 1,
                    "line longer than the limit of " + maxLineBytes + " bytes");
        }
        if (need > line.length) {
            byte[] bigger = new byte[(int) Math.min(maxLineBytes, Math.max(need, 2L * line.length))];
            System.arraycopy(line, 0, bigger, 0, lineLen);
            line = bigger;
        }
        System.arraycopy(buf, from, line, lineLen, n);
        lineLen = need;
    }

    private void fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                pos = lim = 0;
            } else {
                pos = 0;
                lim = n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLen;
    }

    /** 1-based number of the current line. */
    long lineNo() {
        return lineNo;
    }

    /** Drops a very long line buffer after use so memory stays bounded by typical lines. */
    void shrink() {
        if (line.length > (1 << 20)) {
            line = new byte[1 << 12];
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
