package dev.conform.tracing.io;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.conform.tracing.VectorClock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes vector clocks, a fifth of a simulation trace's bytes. A node's clock usually differs
 * from its previous event's clock in one or two entries (its own counter, counters merged on a
 * delivery), so the writer keeps each node's last encoded clock and copies the bytes of unchanged
 * entries instead of encoding them again. The output is exactly {@code {"id":count,...}} in
 * ascending id order, as before.
 */
final class ClockWriter {
    /** Node ids with cached keys and per-node memory: the ones simulations use. */
    private static final int MAX_ID = 1024;
    /** Clocks with more entries are written plainly (bounds the room reserved in the buffer). */
    private static final int MAX_ENTRIES = 256;
    /** Longest entry: ',' + {@code "1023":} + a 20-character long. */
    private static final int MAX_ENTRY_BYTES = 1 + 7 + 20;
    /** {@code "7":} for node ids 0..1023. */
    private static final byte[][] KEYS = new byte[MAX_ID][];

    static {
        for (int i = 0; i < MAX_ID; i++) {
            KEYS[i] = ("\"" + i + "\":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The last clock written for an event of one node, with where each entry's bytes end. */
    private static final class Last {
        int size;
        int[] nodes = new int[8];
        long[] counts = new long[8];
        int[] ends = new int[8];
        byte[] bytes = new byte[64];
        int length;
    }

    private final Last[] last = new Last[MAX_ID];
    private int[] scratchEnds = new int[8];

    /** Writes {@code vc} as a JSON object for an event of {@code node}. */
    void write(JsonBytes out, int node, VectorClock vc) throws IOException {
        int size = vc.size();
        if (size > MAX_ENTRIES || !cacheableIds(vc, size)) {
            writePlain(out, vc);
            return;
        }
        Last prev = node >= 0 && node < MAX_ID ? last[node] : null;
        if (prev == null && node >= 0 && node < MAX_ID) {
            prev = new Last();
            last[node] = prev;
        }
        int start = out.reserve(2 + size * MAX_ENTRY_BYTES);
        byte[] b = out.buffer();
        int p = start;
        b[p++] = '{';
        if (scratchEnds.length < size) {
            scratchEnds = new int[Math.max(size, 2 * scratchEnds.length)];
        }
        int[] ends = scratchEnds;
        boolean reuse = prev != null && prev.size == size;
        for (int i = 0; i < size; i++) {
            int n = vc.nodeAt(i);
            long c = vc.countAt(i);
            if (reuse && prev.nodes[i] == n && prev.counts[i] == c) {
                // the entry's bytes (its leading comma included) as last time
                int from = i == 0 ? 1 : prev.ends[i - 1];
                int len = prev.ends[i] - from;
                System.arraycopy(prev.bytes, from, b, p, len);
                p += len;
            } else {
                if (i > 0) {
                    b[p++] = ',';
                }
                byte[] key = KEYS[n];
                System.arraycopy(key, 0, b, p, key.length);
                p += key.length;
                p = NumberOutput.outputLong(c, b, p);
            }
            ends[i] = p - start;
        }
        b[p++] = '}';
        out.advance(p);
        if (prev != null) {
            remember(prev, vc, size, b, start, p - start);
        }
    }

    private void remember(Last l, VectorClock vc, int size, byte[] b, int start, int length) {
        if (l.nodes.length < size) {
            int n = Math.max(size, 2 * l.nodes.length);
            l.nodes = new int[n];
            l.counts = new long[n];
            l.ends = new int[n];
        }
        for (int i = 0; i < size; i++) {
            l.nodes[i] = vc.nodeAt(i);
            l.counts[i] = vc.countAt(i);
        }
        int[] ends = l.ends;
        l.ends = scratchEnds;
        scratchEnds = ends;
        if (l.bytes.length < length) {
            l.bytes = new byte[Math.max(length, 2 * l.bytes.length)];
        }
        System.arraycopy(b, start, l.bytes, 0, length);
        l.length = length;
        l.size = size;
    }

    private static boolean cacheableIds(VectorClock vc, int size) {
        for (int i = 0; i < size; i++) {
            int n = vc.nodeAt(i);
            if (n < 0 || n >= MAX_ID) {
                return false;
            }
        }
        return true;
    }

    /** Any clock, entry by entry (node ids outside 0..1023 or very many entries). */
    private static void writePlain(JsonBytes o, VectorClock vc) throws IOException {
        o.raw((byte) '{');
        for (int i = 0; i < vc.size(); i++) {
            if (i > 0) {
                o.raw((byte) ',');
            }
            int n = vc.nodeAt(i);
            if (n >= 0 && n < MAX_ID) {
                o.raw(KEYS[n]);
            } else {
                o.string(Integer.toString(n));
                o.raw((byte) ':');
            }
            o.number(vc.countAt(i));
        }
        o.raw((byte) '}');
    }
}
