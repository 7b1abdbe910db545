package dev.conform.cli.version;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * conform's version and the git commit it was built from, recorded at build time in the resource
 * {@value #RESOURCE} (the tools module's POM runs {@link #main} before packaging). Outside a git
 * checkout, or without git, the commit is {@value #UNKNOWN}: a build never fails for want of it.
 *
 * @param version the Maven project version
 * @param commit  the commit's hash, with {@code -dirty} when tracked files differed from it; or unknown
 */
public record BuildInfo(String version, String commit) {
    public static final String RESOURCE = "conform-build.properties";
    public static final String UNKNOWN = "unknown";

    /** The build's own record, or unknown/unknown when the resource is missing (classes run from an IDE). */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Reported as unknown below.
        }
        return new BuildInfo(p.getProperty("version", UNKNOWN), p.getProperty("commit", UNKNOWN));
    }

    /** Build step: {@code BuildInfo VERSION SOURCE_DIR OUTPUT_DIR} writes OUTPUT_DIR/{@value #RESOURCE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BuildInfo VERSION SOURCE_DIR OUTPUT_DIR");
        }
        BuildInfo info = new BuildInfo(args[0], commitOf(Path.of(args[1])));
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        // Written by hand, not Properties.store: no date comment, so the same commit gives the same bytes.
        Files.writeString(out.resolve(RESOURCE), "version=" + info.version() + "\ncommit=" + info.commit() + "\n",
                StandardCharsets.UTF_8);
    }

    /** The commit checked out in {@code dir}, marked dirty when tracked files changed; unknown when git cannot tell. */
    static String commitOf(Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return UNKNOWN;
        }
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        return head + (status == null || status.isEmpty() ? "" : "-dirty");
    }

    /** git's trimmed stdout, or null when git is missing, fails or hangs. */
    private static String git(Path dir, String... args) {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toAbsolutePath().toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
