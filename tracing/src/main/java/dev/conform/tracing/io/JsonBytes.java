package dev.conform.tracing.io;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A minimal JSON byte writer for the trace writer's hot path: the caller places commas and
 * braces itself, so nothing tracks nesting. Strings are escaped exactly as Jackson's default
 * UTF-8 generator escapes them (short escapes for {@code \b \t \n \f \r " \\}, {@code \\u00XX}
 * for other control characters, each surrogate char as an upper-case {@code \\uXXXX}, the rest as
 * UTF-8), so traces stay byte-identical to what the Jackson generator wrote before.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** 0: copy; 1: short escape (the char in SHORT); 2: \\u00XX. */
    private static final byte[] ESCAPE = new byte[128];
    private static final byte[] SHORT = new byte[128];

    static {
        for (int i = 0; i < 32; i++) {
            ESCAPE[i] = 2;
        }
        shortEscape('"', '"');
        shortEscape('\\', '\\');
        shortEscape('\b', 'b');
        shortEscape('\t', 't');
        shortEscape('\f', 'f');
        shortEscape('\n', 'n');
        shortEscape('\r', 'r');
    }

    private static void shortEscape(char c, char e) {
        ESCAPE[c] = 1;
        SHORT[c] = (byte) e;
    }

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    JsonBytes(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[size];
    }

    /** Room for {@code n} more bytes ({@code n} at most the buffer size). */
    private void ensure(int n) throws IOException {
        if (pos + n > buf.length) {
            flushBuffer();
        }
    }

    void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }

    /**
     * Room for {@code n} more bytes ({@code n} at most the buffer size), for a caller writing into
     * {@link #buffer()} directly; returns the position to write at. Finish with {@link #advance}.
     */
    int reserve(int n) throws IOException {
        ensure(n);
        return pos;
    }

    byte[] buffer() {
        return buf;
    }

    /** After writing into {@link #buffer()} from {@link #reserve}'s position up to {@code newPos}. */
    void advance(int newPos) {
        pos = newPos;
    }

    void raw(byte b) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = b;
    }

    void raw(byte[] b) throws IOException {
        if (b.length > buf.length) {
            flushBuffer();
            out.write(b);
            return;
        }
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    /** Jackson's own digit writer: the same text as Long.toString, without a String. */
    void number(long v) throws IOException {
        ensure(20);
        pos = NumberOutput.outputLong(v, buf, pos);
    }

    void number(int v) throws IOException {
        ensure(11);
        pos = NumberOutput.outputInt(v, buf, pos);
    }

    void bool(boolean b) throws IOException {
        raw(b ? TRUE : FALSE);
    }

    void nul() throws IOException {
        raw(NULL);
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** A quoted, escaped JSON string. */
    void string(String s) throws IOException {
        int n = s.length();
        int i = 0;
        if (n + 2 <= buf.length - pos) {
            // the common case: plain ASCII that fits, copied without per-byte room checks
            byte[] b = buf;
            int p = pos;
            b[p++] = '"';
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 128 || ESCAPE[c] != 0) {
                    break;
                }
                b[p++] = (byte) c;
            }
            pos = p;
            if (i == n) {
                b[pos++] = '"';
                return;
            }
        } else {
            raw((byte) '"');
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                byte kind = ESCAPE[c];
                if (kind == 0) {
                    if (pos == buf.length) {
                        flushBuffer();
                    }
                    buf[pos++] = (byte) c;
                } else if (kind == 1) {
                    ensure(2);
                    buf[pos++] = '\\';
                    buf[pos++] = SHORT[c];
                } else {
                    unicodeEscape(c);
                }
            } else if (c < 0x800) {
                ensure(2);
                buf[pos++] = (byte) (0xc0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3f));
            } else if (c >= 0xd800 && c <= 0xdfff) {
                unicodeEscape(c);
            } else {
                ensure(3);
                buf[pos++] = (byte) (0xe0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[pos++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        raw((byte) '"');
    }

    private void unicodeEscape(char c) throws IOException {
        ensure(6);
        buf[pos++] = '\\';
        buf[pos++] = 'u';
        buf[pos++] = HEX[(c >> 12) & 0xf];
        buf[pos++] = HEX[(c >> 8) & 0xf];
        buf[pos++] = HEX[(c >> 4) & 0xf];
        buf[pos++] = HEX[c & 0xf];
    }
}
