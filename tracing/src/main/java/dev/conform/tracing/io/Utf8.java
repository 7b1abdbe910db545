package dev.conform.tracing.io;

/** Strict UTF-8 checks (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
final class Utf8 {
    private Utf8() {
    }

    /** Index of the first byte that starts an invalid sequence (or is NUL), or -1. */
    static int firstInvalid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i];
            if (c > 0) {
                i++;
                continue;
            }
            if (c == 0) {
                return i;
            }
            c &= 0xff;
            int n;
            int min2;
            int max2 = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
                min2 = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                min2 = c == 0xe0 ? 0xa0 : 0x80;
                if (c == 0xed) {
                    max2 = 0x9f;
                }
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                min2 = c == 0xf0 ? 0x90 : 0x80;
                if (c == 0xf4) {
                    max2 = 0x8f;
                }
            } else {
                return i;
            }
            if (i + n >= end) {
                return i;
            }
            int c2 = b[i + 1] & 0xff;
            if (c2 < min2 || c2 > max2) {
                return i;
            }
            for (int k = 2; k <= n; k++) {
                if ((b[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /** Number of characters encoded by {@code b[off..off+len)} (counts lead bytes). */
    static int charCount(byte[] b, int off, int len) {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            if ((b[i] & 0xc0) != 0x80) {
                n++;
            }
        }
        return n;
    }
}
