package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Algorithms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed and plan, same trace byte for byte, also across JVMs: every registered algorithm runs
 * in separate processes and the traces must match. An in-process determinism test cannot see
 * iteration orders that change from one JVM to the next (the immutable {@code Map.of} and
 * {@code Set.of} collections are salted per JVM); a persisted map in that order once made causal
 * broadcast's restart events differ between two runs of one seed.
 */
@Tag("process")
class CrossProcessDeterminismTest {
    @TempDir
    Path tmp;

    private static void run(Path out, String algorithm) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", algorithm, "--seed", "5", "--chaos", "high", "--steps", "1500", "--out", out.toString()));
        if (algorithm.equals("erasure")) {
            cmd.addAll(List.of("--option", "diskLoss=true"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "run of " + algorithm + " did not finish");
        assertEquals(0, p.exitValue(), algorithm + ": " + Files.readString(out.resolveSibling(out.getFileName() + ".log")));
    }

    /**
     * Four processes per algorithm: a per-JVM salt gives one of a few orders, so two processes can
     * agree by chance; four all agreeing with such a bug is unlikely.
     */
    private static final int PROCESSES = 4;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyAlgorithmGivesTheSameBytesInSeveralProcesses() throws Exception {
        List<String> names = Algorithms.all().stream().map(Algorithm::name).sorted().toList();
        assertTrue(names.contains("causal") && names.contains("erasure") && names.contains("swim") && names.contains("pbft"),
                "registered: " + names);
        for (String name : names) {
            Path first = tmp.resolve(name + "-0.ndjson");
            run(first, name);
            byte[] x = Files.readAllBytes(first);
            assertTrue(x.length > 1000, name + " trace has substance");
            for (int i = 1; i < PROCESSES; i++) {
                Path other = tmp.resolve(name + "-" + i + ".ndjson");
                run(other, name);
                assertTrue(Arrays.equals(x, Files.readAllBytes(other)), name
                        + ": separate processes, one seed, different traces (" + first + " vs " + other + ")");
            }
        }
    }
}
