package dev.conform.checker.tlc;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import util.FilenameToStream;

/**
 * Where SANY finds the modules a spec names: the given folders in order, then TLC's standard
 * modules (Naturals, Sequences, TLC, ...) from the tla2tools jar. TLC's own resolver
 * ({@code util.SimpleFilenameToStream}) would first look in the JVM's working folder, so a stray
 * {@code Foo.tla} next to wherever {@code conform} was started could shadow the spec's; it also
 * copies the standard modules into a fresh {@code tlc-*} folder under {@code java.io.tmpdir} per
 * parse and leaves the folder behind. This resolver looks only where it is told and copies the
 * standard modules once per process into a private folder removed when the JVM exits.
 *
 * <p>It remembers which file it gave SANY for each module, so an error SANY reports by module
 * name can be shown as {@code file:line:column}.
 */
final class ModuleResolver implements FilenameToStream {
    private static final String STANDARD = "tla2sany/StandardModules/";

    private final List<Path> folders;
    private final Map<String, Path> resolved = new LinkedHashMap<>();

    /** @param folders searched in order (at least one: the root module's); absolute */
    ModuleResolver(List<Path> folders) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("no folder to search");
        }
        this.folders = List.copyOf(folders);
    }

    @Override
    public File resolve(String name, boolean isModule) {
        if (!isModule) {
            // SANY asks for other files only to dump parse trees, a debug switch conform leaves off.
            return new TLAFile(folders.get(0).resolve(name).toString(), this);
        }
        String file = name.endsWith(".tla") ? name : name + ".tla";
        Path given = Path.of(file);
        String module = given.getFileName().toString();
        module = module.substring(0, module.length() - 4);
        if (given.isAbsolute()) {
            return remember(module, given, false);
        }
        for (Path folder : folders) {
            Path candidate = folder.resolve(file);
            if (Files.isRegularFile(candidate)) {
                return remember(module, candidate, false);
            }
        }
        Path standard = StandardModules.copy(file);
        if (standard != null) {
            return remember(module, standard, true);
        }
        // SANY reports "Cannot find source file for module ..." when the file does not exist.
        return new TLAFile(folders.get(0).resolve(file).toString(), this);
    }

    private File remember(String module, Path file, boolean standard) {
        synchronized (resolved) {
            resolved.putIfAbsent(module, file);
        }
        return new TLAFile(file.toString(), standard, this);
    }

    /** The file SANY was given for {@code module}, or null. */
    Path fileOf(String module) {
        synchronized (resolved) {
            return resolved.get(module);
        }
    }

    @Override
    public String getFullPath() {
        return String.join(", ", folders.stream().map(Path::toString).toList()) + ", " + STANDARD;
    }

    @Override
    public boolean isStandardModule(String moduleName) {
        Path f = fileOf(moduleName);
        return f != null ? f.startsWith(StandardModules.folder()) : StandardModules.exists(moduleName + ".tla");
    }

    /** The standard modules of the tla2tools jar on the classpath, copied once per process. */
    private static final class StandardModules {
        private static Path folder;

        private StandardModules() {
        }

        static boolean exists(String file) {
            return ModuleResolver.class.getClassLoader().getResource(STANDARD + file) != null;
        }

        static synchronized Path folder() {
            if (folder == null) {
                try {
                    folder = Files.createTempDirectory("conform-sany");
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create a folder for TLC's standard modules", e);
                }
                folder.toFile().deleteOnExit();
            }
            return folder;
        }

        /** The module's copy, or null when the jar has no such standard module. */
        static synchronized Path copy(String file) {
            Path target = folder().resolve(file);
            if (Files.isRegularFile(target)) {
                return target;
            }
            try (InputStream in = ModuleResolver.class.getClassLoader().getResourceAsStream(STANDARD + file)) {
                if (in == null) {
                    return null;
                }
                // deleteOnExit runs in reverse order of registration: the files go before their folder.
                target.toFile().deleteOnExit();
                Files.copy(in, target);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy TLC's standard module " + file, e);
            }
        }
    }
}
