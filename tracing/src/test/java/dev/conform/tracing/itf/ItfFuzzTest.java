package dev.conform.tracing.itf;

import dev.conform.runtime.prop.Arbitrary;
import dev.conform.runtime.prop.Gen;
import dev.conform.runtime.prop.Outcome;
import dev.conform.runtime.prop.Property;
import dev.conform.runtime.prop.Shrinker;
import dev.conform.tracing.io.ReaderFuzzTest;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceMutations;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded mutations of ITF exports of valid traces: {@link ItfReader#importTrace} either imports
 * the file or throws a {@link TraceFormatException} with a one-line positioned message, never
 * another exception. 2,000 cases by default, 20,000 under {@code -Psoak}.
 */
class ItfFuzzTest {
    private static final int CASES = Integer.getInteger("conform.fuzz.itf.cases",
            Boolean.getBoolean("conform.soak") ? 20_000 : 2_000);

    record Input(byte[] bytes) {
        @Override
        public String toString() {
            return "\n" + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void mutatedItfIsImportedOrRejectedWithAPosition() throws Exception {
        List<byte[]> bases = new ArrayList<>();
        Path dir = Files.createTempDirectory("itf-fuzz");
        try {
            for (long s = 0; s < 4; s++) {
                Path nd = dir.resolve(s + ".ndjson");
                Path itf = dir.resolve(s + ".itf.json");
                Files.write(nd, ReaderFuzzTest.render(s));
                ItfWriter.exportTrace(nd, itf);
                bases.add(Files.readAllBytes(itf));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        Gen<Input> gen = rnd -> new Input(TraceMutations.mutate(bases.get(rnd.nextInt(bases.size())), rnd));
        Shrinker<Input> shrink = in -> {
            List<Input> out = new ArrayList<>();
            byte[] b = in.bytes();
            for (int run = b.length / 2; run >= Math.max(1, b.length / 256); run /= 2) {
                for (int at = 0; at + run <= b.length; at += run) {
                    ByteArrayOutputStream c = new ByteArrayOutputStream();
                    c.write(b, 0, at);
                    c.write(b, at + run, b.length - at - run);
                    out.add(new Input(c.toByteArray()));
                }
            }
            return out;
        };
        int[] outcomes = new int[2];
        Outcome<Input> o = Property.check("ITF import of mutated exports", 20261206L, CASES,
                new Arbitrary<>(gen, shrink), in -> {
                    outcomes[imports(in.bytes()) ? 0 : 1]++;
                    return true;
                });
        assertFalse(o.failed(), o::describe);
        assertTrue(outcomes[1] > CASES / 2, "rejected " + outcomes[1]);
        assertTrue(outcomes[0] > 0, "imported " + outcomes[0]);
    }

    private static boolean imports(byte[] input) {
        try {
            ItfReader.importTrace(new ByteArrayInputStream(input), "fuzz.itf.json");
            return true;
        } catch (TraceFormatException e) {
            String m = e.getMessage();
            if (e.line() < 1 || !m.startsWith("fuzz.itf.json:" + e.line() + ":" + e.column() + ": ")
                    || m.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || m.length() > 600) {
                throw new AssertionError("not a one-line positioned message: " + m);
            }
            return false;
        }
    }
}
