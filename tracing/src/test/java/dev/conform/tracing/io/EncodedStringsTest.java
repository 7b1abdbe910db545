package dev.conform.tracing.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The cache of encoded names and constants gives the encoder's bytes, by identity or by content. */
class EncodedStringsTest {

    private static byte[] encoded(String s, byte suffix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonBytes j = new JsonBytes(bytes, 16);
        j.string(s);
        if (suffix != 0) {
            j.raw(suffix);
        }
        j.flushBuffer();
        return bytes.toByteArray();
    }

    @Test
    void cachedBytesAreTheEncodersBytes() throws IOException {
        EncodedStrings names = new EncodedStrings((byte) ':');
        EncodedStrings constants = new EncodedStrings((byte) 0);
        for (String s : new String[] {"currentTerm", "", "quote\"back\\slash", "tab\tnl\n\u0001", "caf\u00e9 \u4e2d",
            "lone \ud800 surrogate", "pair \ud83d\ude00"}) {
            assertArrayEquals(encoded(s, (byte) ':'), names.get(s), s);
            assertArrayEquals(encoded(s, (byte) 0), constants.get(s), s);
            // a second lookup (identity hit) and an equal string built anew (content hit) agree
            assertSame(names.get(s), names.get(s));
            assertArrayEquals(encoded(s, (byte) ':'), names.get(new String(s.toCharArray())), s);
        }
    }

    @Test
    void growthIsBounded() {
        EncodedStrings names = new EncodedStrings((byte) ':');
        assertNull(names.get("x".repeat(65)), "long strings are not cached");
        for (int i = 0; i < 4096; i++) {
            assertNotNull(names.get("k" + i));
        }
        assertNull(names.get("one more"), "the cache stops growing");
        assertNotNull(names.get("k7"), "what is cached stays");
    }
}
