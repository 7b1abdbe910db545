package dev.conform.cli.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that records the commit: the checkout's commit, or "unknown" outside git. */
class BuildInfoTest {
    @TempDir
    Path notGit;

    @Test
    void outsideAGitCheckoutTheCommitIsUnknown() {
        assertEquals(BuildInfo.UNKNOWN, BuildInfo.commitOf(notGit));
    }

    @Test
    void inTheCheckoutItIsTheCommitsHash() {
        String commit = BuildInfo.commitOf(Path.of("..").toAbsolutePath());
        assertTrue(commit.matches("[0-9a-f]{40}(-dirty)?"), commit);
    }

    @Test
    void theBuildStepWritesWhatCurrentReads() throws Exception {
        Path out = notGit.resolve("out");
        BuildInfo.main(new String[] {"9.9.9", notGit.toString(), out.toString()});
        assertEquals("version=9.9.9\ncommit=unknown\n", Files.readString(out.resolve(BuildInfo.RESOURCE)));
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, null)) {
            var props = new java.util.Properties();
            try (var in = loader.getResourceAsStream(BuildInfo.RESOURCE)) {
                props.load(in);
            }
            assertEquals("9.9.9", props.getProperty("version"));
        }
    }
}
