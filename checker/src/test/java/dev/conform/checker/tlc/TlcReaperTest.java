package dev.conform.checker.tlc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM running TLC that is stopped the way a CI runner cancels a job (SIGTERM) takes its TLC
 * process with it: none is left running the endless model.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TlcReaperTest {
    /** Entry point of the child JVM: model-checks an endless spec with no timeout. */
    public static void main(String[] args) {
        new TlcRunner().run(TlcRequest.builder(Path.of(args[0])).workDir(Path.of(args[1])).build());
    }

    @Test
    void aStoppedJvmLeavesNoTlcProcessBehind(@TempDir Path work) throws Exception {
        Path spec = Fixtures.spec("slow/Endless.tla");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                TlcReaperTest.class.getName(), spec.toString(), work.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            ProcessHandle tlc = awaitChild(parent, Duration.ofSeconds(60));
            parent.destroy(); // SIGTERM: shutdown hooks run
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the stopped JVM exits");
            tlc.onExit().completeOnTimeout(tlc, 15, TimeUnit.SECONDS).get();
            assertFalse(tlc.isAlive(), "TLC process " + tlc.pid() + " survived its parent");
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    private static ProcessHandle awaitChild(Process parent, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var child = parent.descendants().filter(p -> p.info().commandLine()
                    .map(c -> c.contains("tlc2.TLC")).orElse(false)).findFirst();
            if (child.isPresent()) {
                return child.get();
            }
            assertTrue(parent.isAlive(), "the JVM running TLC ended before starting it");
            Thread.sleep(100);
        }
        throw new AssertionError("TLC did not start within " + within);
    }
}
