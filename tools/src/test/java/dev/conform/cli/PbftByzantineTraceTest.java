package dev.conform.cli;

import static dev.conform.cli.RunCommandTest.conform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.RunCommandTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PBFT runs with a Byzantine replica, end to end through {@code conform run} and
 * {@code conform validate}: the correct algorithm's trace passes TLC (TracePBFT) and the Java
 * invariants; with the teaching flaw the adversary exploits, both reject it at the same event.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PbftByzantineTraceTest {
    private static final String SPEC = Path.of("../specs/pbft/TracePBFT.tla").toAbsolutePath().normalize().toString();
    /** Node 2 lies in its view change and NewView; node 1, the first primary, crashes early. */
    private static final String LYING_NEW_PRIMARY = "{\"events\":[{\"type\":\"byzantine\",\"at\":0,\"node\":2,"
            + "\"behaviours\":[\"lying-view-change\",\"forge\",\"replay\"]},{\"type\":\"crash\",\"at\":20,\"node\":1},"
            + "{\"type\":\"restart\",\"at\":600,\"node\":1}]}";

    @TempDir
    Path dir;

    private Outcome runAndValidate(String plan, String... flaw) throws Exception {
        Path p = dir.resolve("plan.json");
        Files.writeString(p, plan);
        Path trace = dir.resolve("byz.ndjson");
        String[] args = {"run", "pbft", "--seed", "1", "--plan", p.toString(), "--option", "ops=4", "--steps", "6000",
                "--out", trace.toString()};
        if (flaw.length > 0) {
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--flaw", flaw[0]))
                    .toArray(String[]::new);
        }
        Outcome run = conform(args);
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(trace).contains("\"action\":\"byzantine\""));
        return conform("validate", "--spec", SPEC, "--trace", trace.toString());
    }

    @Test
    void aLyingNewPrimaryIsHarmlessAndItsTraceConforms() throws Exception {
        Outcome v = runAndValidate(LYING_NEW_PRIMARY);
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("CONFORMS"), v.out());
    }

    @Test
    void aBackupThatSkipsTheNewViewChecksIsCaughtByTlcAndJava() throws Exception {
        Outcome v = runAndValidate(LYING_NEW_PRIMARY, "unchecked-new-view");
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("DIVERGES") && v.out().contains("NewViewChecked violated"), v.out());
    }

    @Test
    void aWrongDigestPrimaryIsIgnoredUnlessTheDigestCheckIsSkipped() throws Exception {
        String plan = "{\"events\":[{\"type\":\"byzantine\",\"at\":0,\"node\":1,\"behaviours\":[\"wrong-digest\"]}]}";
        Outcome ok = runAndValidate(plan);
        assertEquals(0, ok.code(), ok.out() + ok.err());
        Outcome bad = runAndValidate(plan, "no-digest-check");
        assertEquals(1, bad.code(), bad.out() + bad.err());
        assertTrue(bad.out().contains("DIVERGES") && bad.out().contains("DigestChecked violated"), bad.out());
    }
}
