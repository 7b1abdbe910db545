package dev.conform.bugs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deliberate-bug catalogue (test/bugs/&lt;algorithm&gt;/*.patch, measured by test/bugs/run)
 * cannot rot silently: every patch applies cleanly to the tree ({@code git apply --check}),
 * changes only implementation sources, and has its row in the algorithm's README table, and
 * every row has its patch.
 */
@Tag("process")
class BugCatalogueTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BUGS = ROOT.resolve("test").resolve("bugs");
    private static final Set<String> ALGORITHMS = Set.of("raft", "twopc", "crdt", "paxos", "clocks", "causal", "swim",
            "pbft");
    private static final int MIN_BUGS = 8;
    /** The younger catalogues, each smaller than {@link #MIN_BUGS} so far: their own minimum. */
    private static final java.util.Map<String, Integer> MIN_BUGS_OF = java.util.Map.of("clocks", 5, "causal", 5, "swim", 5,
            "pbft", 5);
    /** A table row of a README: its first cell is the bug's name. */
    private static final Pattern ROW = Pattern.compile("^\\| *([a-z][a-z0-9-]*) *\\|", Pattern.MULTILINE);
    /** A file a patch changes: "+++ b/path". */
    private static final Pattern TARGET = Pattern.compile("^\\+\\+\\+ b/(\\S+)$", Pattern.MULTILINE);

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void everyPatchAppliesCleanlyToTheTree() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Path patch : allPatches()) {
            Process p = new ProcessBuilder("git", "apply", "--check", patch.toString())
                    .directory(ROOT.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("git apply --check " + patch + " did not finish");
            }
            if (p.exitValue() != 0) {
                failures.add(ROOT.relativize(patch) + ": " + out.trim());
            }
        }
        assertTrue(failures.isEmpty(), "patches that no longer apply (update them to the new code):\n"
                + String.join("\n", failures));
    }

    @Test
    void everyAlgorithmHasEnoughBugsAndEachIsDocumented() throws IOException {
        for (String algo : ALGORITHMS) {
            Path dir = BUGS.resolve(algo);
            Set<String> patches = new TreeSet<>();
            for (Path p : patches(dir)) {
                patches.add(p.getFileName().toString().replaceFirst("\\.patch$", ""));
            }
            int min = MIN_BUGS_OF.getOrDefault(algo, MIN_BUGS);
            assertTrue(patches.size() >= min, algo + ": only " + patches.size() + " deliberate bugs");
            Set<String> rows = new TreeSet<>();
            Matcher m = ROW.matcher(Files.readString(dir.resolve("README.md")));
            while (m.find()) {
                if (!m.group(1).equals("bug")) {
                    rows.add(m.group(1));
                }
            }
            assertEquals(patches, rows, algo + ": README.md table rows and patch files differ");
        }
    }

    @Test
    void patchesChangeOnlyImplementationSources() throws IOException {
        for (Path patch : allPatches()) {
            Matcher m = TARGET.matcher(Files.readString(patch));
            int files = 0;
            while (m.find()) {
                files++;
                assertTrue(m.group(1).matches("[a-z]+/src/main/java/.+\\.java"),
                        patch.getFileName() + " changes " + m.group(1) + ", not an implementation source");
            }
            assertTrue(files > 0, patch.getFileName() + " changes no file");
        }
    }

    private static List<Path> allPatches() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String algo : new TreeSet<>(ALGORITHMS)) {
            all.addAll(patches(BUGS.resolve(algo)));
        }
        assertTrue(!all.isEmpty(), "no patches under " + BUGS);
        return all;
    }

    private static List<Path> patches(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".patch")).sorted().toList();
        }
    }
}
