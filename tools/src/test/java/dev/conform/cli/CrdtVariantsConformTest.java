package dev.conform.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Good traces of every CRDT variant conform on both sides: seeds 1..10 of the gate's options
 * ({@code type=each}, {@code clock=each}: the ten type and clock-mode variants, once each) under
 * HIGH chaos plans, on each network, recorded by {@code conform run} and judged by
 * {@code conform validate} with TLC and with the Java twin.
 */
@Tag("tlc")
@Tag("process")
class CrdtVariantsConformTest {

    static int run(String... args) {
        return CrdtTraceAttackTest.cli(args).exit();
    }

    @ParameterizedTest(name = "{0} network")
    @ValueSource(strings = {"reliable", "unreliable"})
    @Timeout(600)
    void everyVariantConformsUnderHighChaos(String net, @TempDir Path tmp) throws IOException {
        List<String> variants = new java.util.ArrayList<>();
        for (int seed = 1; seed <= 10; seed++) {
            Path trace = tmp.resolve("seed-" + seed + ".ndjson");
            assertEquals(0, run("run", "crdt", "--seed", String.valueOf(seed), "--chaos", "high", "--net", net,
                    "--steps", "20000", "--option", "type=each", "--option", "clock=each", "--option", "updates=4",
                    "--option", "fanout=2", "--out", trace.toString()), "seed " + seed);
            String header = Files.readAllLines(trace).get(0);
            variants.add(header.replaceAll(".*\"clock\":\"([a-z]+)\".*\"type\":\"([a-z-]+)\".*", "$2/$1"));
            for (String side : new String[] {"--java-only", "--tlc-only"}) {
                CrdtTraceAttackTest.Verdict v = CrdtTraceAttackTest.validate(trace, side);
                assertEquals(0, v.exit(), "seed " + seed + " " + side + "\n" + v.text());
            }
        }
        assertEquals(10, variants.stream().distinct().count(), "ten variants: " + variants);
        assertTrue(variants.contains("or-set/hlc") && variants.contains("lww-map/physical"), variants.toString());
    }

    /**
     * A new user's first run, {@code conform run crdt} with no options, validates; a header naming a
     * variant the trace spec does not know is refused as unsupported (exit 2), never a divergence.
     */
    @org.junit.jupiter.api.Test
    @Timeout(300)
    void theDefaultRunValidatesAndAnUnknownVariantIsUnsupported(@TempDir Path tmp) throws IOException {
        Path trace = tmp.resolve("default.ndjson");
        assertEquals(0, run("run", "crdt", "--out", trace.toString()));
        CrdtTraceAttackTest.Verdict both = CrdtTraceAttackTest.cli("validate", "--spec",
                CrdtTraceAttackTest.specs().resolve("TraceCrdt.tla").toString(), "--trace", trace.toString());
        assertEquals(0, both.exit(), both.text());
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(trace));
        String header = lines.get(0);
        String type = header.replaceAll(".*\"type\":\"([a-z-]+)\".*", "$1");
        lines.set(0, header.replace("\"type\":\"" + type + "\"", "\"type\":\"mv-register\""));
        Path other = tmp.resolve("mv-register.ndjson");
        Files.write(other, lines);
        CrdtTraceAttackTest.Verdict v = CrdtTraceAttackTest.validate(other, "--tlc-only");
        assertEquals(2, v.exit(), v.text());
        assertTrue(v.text().contains("unsupported"), v.text());
    }
}
