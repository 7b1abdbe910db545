package dev.conform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies bundled spec folders (specs/lib and an algorithm's folder) into a test's own specs folder. */
final class GateSpecsFixture {
    static final Path REPO_SPECS = Path.of("../specs").toAbsolutePath().normalize();

    private GateSpecsFixture() {
    }

    /**
     * Copies specs/lib (once, for several algorithms) and specs/{@code algo} (top-level files only)
     * under {@code specs}; returns the copy.
     */
    static Path copy(Path specs, String algo) throws IOException {
        if (!Files.isDirectory(specs.resolve("lib"))) {
            copyFiles(REPO_SPECS.resolve("lib"), specs.resolve("lib"));
        }
        Path folder = specs.resolve(algo);
        copyFiles(REPO_SPECS.resolve(algo), folder);
        return folder;
    }

    private static void copyFiles(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
