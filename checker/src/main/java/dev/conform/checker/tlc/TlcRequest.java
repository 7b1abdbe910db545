package dev.conform.checker.tlc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to model-check and how. Build with {@link #builder(Path)}; paths are made absolute.
 * Unset values mean: config = the spec's sibling {@code .cfg}; 1 worker; no timeout; a fresh
 * temporary work folder; the tla2tools jar from {@link Tla2Tools#locate(Path)}.
 */
public final class TlcRequest {
    private final Path spec;
    private final Path config;
    private final int workers;
    private final Duration timeout;
    private final Path workDir;
    private final List<Path> libraryPaths;
    private final Map<String, String> systemProperties;
    private final List<Path> extraClasspath;
    private final Path tla2toolsJar;
    private final List<String> jvmOptions;
    private final List<String> tlcArguments;
    private final Consumer<TlcProgress> progress;
    private final Consumer<String> outputListener;
    private final TlcServerOptions server;

    private TlcRequest(Builder b) {
        this.spec = b.spec;
        this.config = b.config != null ? b.config : defaultConfig(b.spec);
        this.workers = b.workers;
        this.timeout = b.timeout;
        this.workDir = b.workDir;
        this.libraryPaths = List.copyOf(b.libraryPaths);
        this.systemProperties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.systemProperties));
        this.extraClasspath = List.copyOf(b.extraClasspath);
        this.tla2toolsJar = b.tla2toolsJar;
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.tlcArguments = List.copyOf(b.tlcArguments);
        this.progress = b.progress;
        this.outputListener = b.outputListener;
        this.server = b.server;
    }

    private static Path defaultConfig(Path spec) {
        String name = spec.getFileName().toString();
        String base = name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name;
        return spec.resolveSibling(base + ".cfg");
    }

    public static Builder builder(Path spec) {
        return new Builder(spec);
    }

    /** The root module's file ({@code .tla}), absolute. */
    public Path spec() {
        return spec;
    }

    /** The model configuration ({@code .cfg}), absolute. */
    public Path config() {
        return config;
    }

    public int workers() {
        return workers;
    }

    /** Wall-clock limit for the whole run, or null for none. */
    public Duration timeout() {
        return timeout;
    }

    /** Folder for TLC's metadir and working directory, or null for a fresh temporary one. */
    public Path workDir() {
        return workDir;
    }

    /** Folders searched for extra modules (passed as {@code -DTLA-Library}). */
    public List<Path> libraryPaths() {
        return libraryPaths;
    }

    /** JVM system properties for the TLC process, e.g. {@code conform.trace}. */
    public Map<String, String> systemProperties() {
        return systemProperties;
    }

    /** Classpath entries after the tla2tools jar (e.g. operator override classes). */
    public List<Path> extraClasspath() {
        return extraClasspath;
    }

    /** Explicit tla2tools jar, or null to use {@link Tla2Tools#locate(Path)}'s default. */
    public Path tla2toolsJar() {
        return tla2toolsJar;
    }

    /** Extra JVM options for the TLC process, e.g. {@code -Xmx1g}. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Extra TLC arguments placed before the spec, e.g. {@code -deadlock} or {@code -depth 100}. */
    public List<String> tlcArguments() {
        return tlcArguments;
    }

    /** Called about once a second while TLC runs, or null. */
    public Consumer<TlcProgress> progress() {
        return progress;
    }

    /** Receives every raw output line as it arrives, or null. */
    public Consumer<String> outputListener() {
        return outputListener;
    }

    /** Run TLC's distributed server for workers to join, or null for a local model check. */
    public TlcServerOptions server() {
        return server;
    }

    /** Builder of {@link TlcRequest}. */
    public static final class Builder {
        private final Path spec;
        private Path config;
        private int workers = 1;
        private Duration timeout;
        private Path workDir;
        private final List<Path> libraryPaths = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final List<Path> extraClasspath = new ArrayList<>();
        private Path tla2toolsJar;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> tlcArguments = new ArrayList<>();
        private Consumer<TlcProgress> progress;
        private Consumer<String> outputListener;
        private TlcServerOptions server;

        private Builder(Path spec) {
            this.spec = Objects.requireNonNull(spec, "spec").toAbsolutePath().normalize();
        }

        public Builder config(Path config) {
            this.config = config == null ? null : config.toAbsolutePath().normalize();
            return this;
        }

        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, got " + workers);
            }
            this.workers = workers;
            return this;
        }

        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        public Builder workDir(Path workDir) {
            this.workDir = workDir == null ? null : workDir.toAbsolutePath().normalize();
            return this;
        }

        public Builder libraryPath(Path folder) {
            libraryPaths.add(folder.toAbsolutePath().normalize());
            return this;
        }

        public Builder libraryPaths(List<Path> folders) {
            folders.forEach(this::libraryPath);
            return this;
        }

        public Builder systemProperty(String key, String value) {
            systemProperties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder classpathEntry(Path entry) {
            extraClasspath.add(entry.toAbsolutePath().normalize());
            return this;
        }

        public Builder tla2toolsJar(Path jar) {
            this.tla2toolsJar = jar == null ? null : jar.toAbsolutePath().normalize();
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option));
            return this;
        }

        public Builder tlcArgument(String argument) {
            tlcArguments.add(Objects.requireNonNull(argument));
            return this;
        }

        public Builder progress(Consumer<TlcProgress> listener) {
            this.progress = listener;
            return this;
        }

        public Builder outputListener(Consumer<String> listener) {
            this.outputListener = listener;
            return this;
        }

        /** Runs TLC's distributed server instead of a local check (null: local). */
        public Builder server(TlcServerOptions server) {
            this.server = server;
            return this;
        }

        /**
         * Checks that the inputs exist.
         *
         * @throws TlcInputException naming the missing file
         */
        public TlcRequest build() {
            TlcRequest r = new TlcRequest(this);
            requireFile(r.spec, "spec");
            requireFile(r.config, "config");
            for (Path lib : r.libraryPaths) {
                if (!Files.isDirectory(lib)) {
                    throw new TlcInputException(lib + ": library folder not found");
                }
            }
            return r;
        }

        private static void requireFile(Path p, String what) {
            if (!Files.isRegularFile(p)) {
                throw new TlcInputException(p + ": " + what + " file not found");
            }
        }
    }
}
