package dev.conform.runtime.scenario;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden scenario files: every {@code .txt} script in a folder is run and each command's output
 * must equal the file's. After an intended change, rewrite the files with
 * {@code -Dconform.golden.update=true} and review {@code git diff}; assertions inside the files
 * are checked in both modes, so an update never writes a failing scenario.
 */
public final class GoldenScenarios {
    static final boolean UPDATE = Boolean.getBoolean("conform.golden.update");

    private GoldenScenarios() {
    }

    /** The scenario files in {@code dir}, sorted by name. */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** One dynamic test per file, each run through {@code inspector}. */
    public static Stream<DynamicTest> tests(List<Path> files, ScenarioInspector<?> inspector) {
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f, inspector)));
    }

    private static <M> void check(Path file, ScenarioInspector<M> inspector) throws IOException {
        Transcript t = new ScenarioRunner<>(inspector).run(ScenarioScript.read(file));
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
