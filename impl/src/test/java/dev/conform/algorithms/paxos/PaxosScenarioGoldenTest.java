package dev.conform.algorithms.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conform.runtime.scenario.ScenarioRunner;
import dev.conform.runtime.scenario.ScenarioScript;
import dev.conform.runtime.scenario.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Multi-Paxos golden scenarios under src/test/resources/scenarios/paxos (normal slot,
 * duelling proposers, value adoption after a leader change, snapshot catch-up after a restart):
 * each command's output must equal the file's. Rewrite after an intended change with
 * {@code -Dconform.golden.update=true} (as RaftScenarioGoldenTest) and review {@code git diff}.
 */
class PaxosScenarioGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "scenarios", "paxos");
    static final boolean UPDATE = Boolean.getBoolean("conform.golden.update");

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesItsGoldenTranscript() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(List.of("adopt-after-leader-change.txt", "duelling-proposers.txt", "normal-slot.txt",
                "snapshot-catchup.txt"), files.stream().map(p -> p.getFileName().toString()).toList());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        Transcript t = new ScenarioRunner<>(new PaxosScenarioInspector()).run(ScenarioScript.read(file));
        if (t.matches()) {
            return;
        }
        if (UPDATE) {
            Files.writeString(file, t.rendered(), StandardCharsets.UTF_8);
            return;
        }
        fail("scenario output differs from the golden transcript (rerun with "
                + "-Dconform.golden.update=true to accept):\n" + t.diff());
    }
}
