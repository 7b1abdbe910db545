package dev.conform.algorithms.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.runtime.scenario.GoldenScenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Multi-Paxos golden scenarios under src/test/resources/scenarios/paxos (normal slot,
 * duelling proposers, value adoption after a leader change, snapshot catch-up after a restart),
 * run as {@link GoldenScenarios} runs every golden folder.
 */
class PaxosScenarioGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "scenarios", "paxos");

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesItsGoldenTranscript() throws IOException {
        List<Path> files = GoldenScenarios.files(DIR);
        assertEquals(List.of("adopt-after-leader-change.txt", "duelling-proposers.txt", "normal-slot.txt",
                "snapshot-catchup.txt"), files.stream().map(p -> p.getFileName().toString()).toList());
        return GoldenScenarios.tests(files, new PaxosScenarioInspector());
    }
}
