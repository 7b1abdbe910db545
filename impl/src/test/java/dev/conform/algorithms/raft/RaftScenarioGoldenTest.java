package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Runs every Raft scenario under src/test/resources/scenarios/raft and compares each command's
 * output with the golden output in the file. After an intended change of behaviour or format,
 * rewrite the files with
 * {@code mvn -B -pl impl -am test -Dtest=RaftScenarioGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dconform.golden.update=true}
 * and review the change with {@code git diff}. Assertions inside the files are checked in both
 * modes: an update never writes a failing scenario.
 */
class RaftScenarioGoldenTest {
    static final Path DIR = Path.of("src", "test", "resources", "scenarios", "raft");
    static final boolean UPDATE = Boolean.getBoolean("conform.golden.update");

    @TestFactory
    Stream<DynamicTest> everyScenarioMatchesItsGoldenTranscript() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no scenario files in " + DIR.toAbsolutePath());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    private static void check(Path file) throws IOException {
        ScenarioScript script = ScenarioScript.read(file);
        Transcript t = new ScenarioRunner<>(new RaftScenarioInspector()).run(script);
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
