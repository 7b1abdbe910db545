package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.conform.runtime.scenario.GoldenScenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every Raft scenario under src/test/resources/scenarios/raft against its golden output
 * ({@link GoldenScenarios}). After an intended change of behaviour or format, rewrite the files with
 * {@code mvn -B -pl impl -am test -Dtest=RaftScenarioGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dconform.golden.update=true}
 * and review the change with {@code git diff}.
 */
class RaftScenarioGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "scenarios", "raft");

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesItsGoldenTranscript() throws IOException {
        List<Path> files = GoldenScenarios.files(DIR);
        assertFalse(files.isEmpty(), "no scenario files in " + DIR.toAbsolutePath());
        return GoldenScenarios.tests(files, new RaftScenarioInspector());
    }
}
