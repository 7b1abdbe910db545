package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The files that install and run conform elsewhere, checked against the checkout (no Docker
 * daemon or GitHub runner here): the Dockerfile's instructions, the paths it copies and the
 * distribution it unpacks; the workflow's Java, cache, gate matrix, merge and report upload.
 */
class InstallFilesTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> INSTRUCTIONS = Set.of("FROM", "RUN", "COPY", "ADD", "ENV", "WORKDIR",
            "ENTRYPOINT", "CMD", "ARG", "LABEL", "USER", "EXPOSE", "VOLUME");

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    private static List<String[]> dockerfile() throws Exception {
        List<String[]> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : Files.readAllLines(REPO.resolve("Dockerfile"))) {
            String l = line.strip();
            if (cur.length() == 0 && (l.isEmpty() || l.startsWith("#"))) {
                continue;
            }
            cur.append(l.endsWith("\\") ? l.substring(0, l.length() - 1) + " " : l);
            if (!l.endsWith("\\")) {
                String[] parts = cur.toString().strip().split("\\s+", 2);
                out.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
                cur.setLength(0);
            }
        }
        assertEquals(0, cur.length(), "a continuation line ends the Dockerfile");
        return out;
    }

    @Test
    void theDockerfileBuildsTheDistributionAndGatesTheMountedProject() throws Exception {
        List<String[]> ins = dockerfile();
        Set<String> stages = new HashSet<>();
        String entrypoint = null;
        String cmd = null;
        boolean unpacksTheZip = false;
        boolean linksOntoPath = false;
        boolean homeIsTheProject = false;
        for (String[] i : ins) {
            assertTrue(INSTRUCTIONS.contains(i[0]), "not a Dockerfile instruction: " + i[0]);
            switch (i[0]) {
                case "FROM" -> {
                    String[] f = i[1].split("\\s+");
                    if (f.length == 3) {
                        assertEquals("AS", f[1].toUpperCase(java.util.Locale.ROOT), i[1]);
                        stages.add(f[2]);
                    }
                }
                case "COPY" -> {
                    String[] c = i[1].split("\\s+");
                    if (c[0].startsWith("--from=")) {
                        assertTrue(stages.contains(c[0].substring(7)), "COPY from an undefined stage: " + i[1]);
                    } else {
                        for (int k = 0; k < c.length - 1; k++) {
                            assertTrue(Files.exists(REPO.resolve(c[k])), "COPY of a path not in the checkout: " + c[k]);
                        }
                    }
                }
                case "RUN" -> {
                    // The zip the tools module's assembly writes: tools/target/conform-${project.version}.zip.
                    unpacksTheZip |= i[1].contains("mvn -B") && i[1].contains(" package")
                            && i[1].contains("unzip -q tools/target/conform-*.zip");
                    linksOntoPath |= i[1].matches("ln -s /opt/conform/conform /usr/local/bin/conform");
                }
                case "ENV" -> homeIsTheProject |= i[1].equals("CONFORM_HOME=/project");
                case "ENTRYPOINT" -> entrypoint = i[1];
                case "CMD" -> cmd = i[1];
                default -> { }
            }
        }
        assertTrue(Files.readString(REPO.resolve("tools/src/assembly/dist.xml")).contains("<format>zip</format>"));
        assertTrue(Files.readString(REPO.resolve("tools/pom.xml"))
                .contains("<finalName>conform-${project.version}</finalName>"), "the zip's name the Dockerfile unpacks");
        assertTrue(unpacksTheZip, "the build stage packages and unpacks the distribution");
        assertTrue(linksOntoPath, "conform is put on PATH by a symlink to the launcher");
        assertTrue(homeIsTheProject, "CONFORM_HOME names the mounted project");
        assertEquals("[\"conform\"]", entrypoint);
        assertEquals("[\"gate\"]", cmd);
        String ignore = Files.readString(REPO.resolve(".dockerignore"));
        assertTrue(ignore.contains("**/target"), "stale build output stays out of the image's build");
    }

    @Test
    void theWorkflowTestsAndGatesInAFourShardMatrix() throws Exception {
        JsonNode wf = new ObjectMapper(new YAMLFactory()).readTree(REPO.resolve(".github/workflows/conform.yml").toFile());
        JsonNode jobs = wf.path("jobs");

        JsonNode test = jobs.path("test").path("steps");
        assertJava17WithMavenCache(test);
        assertTrue(runs(test).contains("bash .ci/run"), "the tests are .ci/run's own steps");
        assertTrue(uploads(test).contains("**/target/*-reports/*.xml"), "test reports are uploaded");

        JsonNode gate = jobs.path("gate");
        assertEquals(List.of(1, 2, 3, 4), ints(gate.path("strategy").path("matrix").path("shard")));
        assertJava17WithMavenCache(gate.path("steps"));
        String gateRun = runs(gate.path("steps"));
        assertTrue(gateRun.contains("./conform gate --shard ${{ matrix.shard }}/4 --junit gate-junit"), gateRun);
        assertTrue(uploads(gate.path("steps")).contains("gate-junit/"), "each shard uploads its JUnit and summary");

        JsonNode merge = jobs.path("gate-merge");
        assertEquals("gate", merge.path("needs").asText());
        assertEquals("always()", merge.path("if").asText(), "the merge runs when a shard failed, and fails with it");
        String mergeRun = runs(merge.path("steps"));
        for (int k = 1; k <= 4; k++) {
            assertTrue(mergeRun.contains("shards/gate-shard-" + k), "shard " + k + " not merged: " + mergeRun);
        }
        assertTrue(mergeRun.contains("./conform gate-merge "), mergeRun);
        assertTrue(uses(merge.path("steps")).stream().anyMatch(u -> u.startsWith("actions/download-artifact@")));
        assertTrue(uses(merge.path("steps")).stream().anyMatch(u -> u.startsWith("mikepenz/action-junit-report@")),
                "the gate's JUnit is published as a test report");
    }

    private static void assertJava17WithMavenCache(JsonNode steps) {
        for (JsonNode s : steps) {
            if (s.path("uses").asText().startsWith("actions/setup-java@")) {
                assertEquals("17", s.path("with").path("java-version").asText());
                assertEquals("maven", s.path("with").path("cache").asText());
                return;
            }
        }
        throw new AssertionError("no actions/setup-java step");
    }

    private static String runs(JsonNode steps) {
        StringBuilder b = new StringBuilder();
        steps.forEach(s -> b.append(s.path("run").asText()).append('\n'));
        return b.toString();
    }

    private static List<String> uses(JsonNode steps) {
        List<String> out = new ArrayList<>();
        steps.forEach(s -> out.add(s.path("uses").asText()));
        return out;
    }

    private static String uploads(JsonNode steps) {
        StringBuilder b = new StringBuilder();
        steps.forEach(s -> {
            if (s.path("uses").asText().startsWith("actions/upload-artifact@")) {
                b.append(s.path("with").path("path").asText()).append('\n');
            }
        });
        return b.toString();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }
}
