package dev.conform.cli;

import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.itf.ItfNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What {@code itf import} and {@code validate} share about ITF input. */
final class ItfOptions {
    private ItfOptions() {
    }

    /** The variable mapping of {@code --var-map FILE} (default naming without it). */
    static ItfNames names(Path varMap) {
        if (varMap == null) {
            return ItfNames.defaults();
        }
        if (!Files.isRegularFile(varMap)) {
            throw new UserError(varMap + ": no such variable mapping file");
        }
        try {
            return ItfNames.read(varMap);
        } catch (TraceFormatException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Removes a work folder this process made (best effort: it is under the temp folder). */
    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is harmless
        }
    }
}
