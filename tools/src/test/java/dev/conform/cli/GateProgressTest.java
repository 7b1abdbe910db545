package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's eventual-progress rule on chaos runs (specs/causal/gate.json declares
 * {@code "progress"}): causal broadcast without retransmission breaks no invariant, so only that
 * rule sees it, and the chaos leg alone catches it with the property's name and the replay
 * command; the correct broadcast passes; without the declaration the same flawed runs pass. The
 * copied gate.json model-checks nothing and validates no trace with TLC, so no TLC runs here.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GateProgressTest {
    @TempDir
    Path specs;

    @Test
    void theChaosLegAloneCatchesAFlawThatOnlyStopsProgress() throws Exception {
        copyWithoutTlc();
        CliRun r = gate("--flaw", "no-retransmit");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("FAIL causal/chaos 10 seeds \\[count-3] --flaw no-retransmit: "
                + "VIOLATED \\(\\d+/10 runs\\): EventualDelivery violated: no progress within 300 ticks of the last fault.*")),
                r.out());
        Matcher seed = Pattern.compile("seed (\\d+): EventualDelivery violated: .*\\n\\s+replay: +(conform run causal "
                + "--seed \\1 .*--flaw no-retransmit.*)").matcher(r.out());
        assertTrue(seed.find(), r.out());
        assertTrue(r.out().contains("(flaw no-retransmit caught)"), r.out());
    }

    @Test
    void correctRunsMakeProgress() throws Exception {
        copyWithoutTlc();
        CliRun r = gate();
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void withoutTheDeclarationTheFlawedRunsPassTheChaosLeg() throws Exception {
        Path causal = copyWithoutTlc();
        String gate = Files.readString(causal.resolve("gate.json"));
        Files.writeString(causal.resolve("gate.json"), gate.replaceAll("\"progress\": \\{[^}]*},", ""));
        CliRun r = gate("--flaw", "no-retransmit");
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void aBadDeclarationIsBadInput() throws Exception {
        Path causal = copyWithoutTlc();
        String gate = Files.readString(causal.resolve("gate.json"));
        Files.writeString(causal.resolve("gate.json"), gate.replace("\"within\": 300", "\"within\": -1"));
        CliRun r = gate();
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("\"progress\".within must be a positive number of ticks"), r.err());
    }

    private CliRun gate(String... more) throws Exception {
        String[] base = {"gate", "--specs", specs.toString(), "--algorithm", "causal", "--seeds", "20",
                "--runs", specs.resolve("runs").toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(args);
    }

    /** specs/causal with no model check, no flaw config and no TLC samples: only the Java-side checks run. */
    private Path copyWithoutTlc() throws Exception {
        Path causal = GateSpecsFixture.copy(specs, "causal");
        String gate = Files.readString(causal.resolve("gate.json"));
        gate = gate.replaceAll("(?s)\"flawConfigs\".*?}", "\"flawConfigs\": {}")
                .replaceAll("\"modelCheck\": \\[[^]]*]", "\"modelCheck\": []")
                .replaceAll("\"tlcSample\": \\{[^}]*}", "\"tlcSample\": {\"quick\": 0, \"default\": 0, \"soak\": 0}");
        Files.writeString(causal.resolve("gate.json"), gate);
        return causal;
    }
}
