package dev.conform.tracing.io;

import java.io.InputStream;

/**
 * The stream the one JSON parser of a reader reads: it hands out exactly the current line's
 * bytes (no newline) and then reports end of input until the reader opens the next line. So the
 * parser sees each line as if it were the whole document, as a parser per line would, and a
 * value that runs past the end of its line ends in a truncation error instead of continuing on
 * the next line, while parser set-up and symbol table stay shared by all lines.
 */
final class LineGate extends InputStream {
    private byte[] buf = new byte[0];
    private int pos;
    private int end;
    /** Bytes handed out before the current line: the parser's byte offsets count from there. */
    private long base;
    private long served;

    /** Lets the parser read {@code b[from, to)} next. */
    void open(byte[] b, int from, int to) {
        buf = b;
        pos = from;
        end = to;
        base = served;
    }

    /** The parser's byte offset of the current line's first byte. */
    long base() {
        return base;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        int n = Math.min(len, end - pos);
        if (n <= 0) {
            return len == 0 ? 0 : -1;
        }
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
        served += n;
        return n;
    }

    @Override
    public int read() {
        if (pos >= end) {
            return -1;
        }
        served++;
        return buf[pos++] & 0xff;
    }

    @Override
    public void close() {
        // the reader owns the real stream
    }
}
