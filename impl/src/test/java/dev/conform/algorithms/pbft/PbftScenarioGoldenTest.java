package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.runtime.scenario.GoldenScenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The PBFT golden scenarios under src/test/resources/scenarios/pbft (normal case, view change
 * after a crashed primary, a prepared request carried into the next view, checkpoint and garbage
 * collection with the window), run as
 * {@link GoldenScenarios} runs every golden folder.
 */
class PbftScenarioGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "scenarios", "pbft");

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesItsGoldenTranscript() throws IOException {
        List<Path> files = GoldenScenarios.files(DIR);
        assertEquals(List.of("checkpoint-gc.txt", "normal-case.txt", "view-change-prepared.txt",
                "view-change.txt"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        return GoldenScenarios.tests(files, new PbftScenarioInspector());
    }
}
