package dev.conform.tracing.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.tracing.VectorClock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Clocks written from the per-node memory read exactly as clocks written entry by entry. */
class ClockWriterTest {

    private static String reference(TreeMap<Integer, Long> clock) {
        StringBuilder sb = new StringBuilder("{");
        clock.forEach((n, c) -> {
            if (c != 0) {
                sb.append(sb.length() > 1 ? "," : "").append('"').append(n).append("\":").append(c);
            }
        });
        return sb.append('}').toString();
    }

    private static VectorClock clock(TreeMap<Integer, Long> m) {
        int[] ids = m.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] counts = m.values().stream().mapToLong(Long::longValue).toArray();
        return VectorClock.of(ids, counts);
    }

    /** Seeded runs: several nodes' clocks growing, merging, gaining entries, big ids and big counters. */
    @Test
    void sameTextAsEntryByEntry() throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int nodes = 1 + rnd.nextInt(12);
            int[] ids = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                int kind = rnd.nextInt(10);
                ids[i] = kind == 0 ? 1024 + rnd.nextInt(100_000) : kind == 1 ? 1023 : rnd.nextInt(200);
            }
            @SuppressWarnings("unchecked")
            TreeMap<Integer, Long>[] clocks = new TreeMap[nodes];
            for (int i = 0; i < nodes; i++) {
                clocks[i] = new TreeMap<>();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonBytes out = new JsonBytes(bytes, 8192); // small: reserving often flushes
            ClockWriter writer = new ClockWriter();
            StringBuilder expected = new StringBuilder();
            for (int step = 0; step < 3_000; step++) {
                int i = rnd.nextInt(nodes);
                TreeMap<Integer, Long> mine = clocks[i];
                mine.merge(ids[i], rnd.nextInt(50) == 0 ? Long.MAX_VALUE / 2 : 1L, Long::sum);
                if (rnd.nextBoolean()) {
                    clocks[rnd.nextInt(nodes)].forEach((n, c) -> mine.merge(n, c, Math::max));
                }
                VectorClock vc = clock(mine);
                writer.write(out, ids[i], vc);
                out.raw((byte) '\n');
                expected.append(reference(mine)).append('\n');
            }
            out.flush();
            assertEquals(expected.toString(), bytes.toString(StandardCharsets.US_ASCII), "seed " + seed);
        }
    }
}
