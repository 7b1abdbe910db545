package dev.conform.checker.tla;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Launches real TLC for the override tests, with or without the override classes. */
final class TlcProcess {
    record Outcome(int exit, String output) {
    }

    private TlcProcess() {
    }

    static String jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the spec folder into {@code work}, then runs TLC there on {@code module}. */
    static Outcome run(Path specDir, Path work, String module, Map<String, String> props, boolean withOverrides)
            throws IOException, InterruptedException {
        try (var files = Files.list(specDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, work.resolve(f.getFileName()));
                }
            }
        }
        String cp = jarOf(tlc2.TLC.class);
        if (withOverrides) {
            cp += File.pathSeparator + jarOf(TraceInputOperators.class) + File.pathSeparator + jarOf(JsonFactory.class);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-DTLA-Library=" + Path.of("../specs/lib").toAbsolutePath().normalize()));
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-cp", cp, "tlc2.TLC", "-tool", "-workers", "1", "-metadir",
                work.resolve("meta").toString(), "-config", module + ".cfg", module + ".tla"));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("TLC did not finish");
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
