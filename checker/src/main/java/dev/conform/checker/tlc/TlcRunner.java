package dev.conform.checker.tlc;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Runs TLC as a subprocess ({@code java -cp tla2tools.jar tlc2.TLC -tool ...}) and classifies the
 * run. Each run gets its own {@code -metadir} (TLC otherwise writes {@code states/} into the
 * working folder, and two runs within one second collide) and its own {@code java.io.tmpdir}
 * (SANY extracts the standard modules there under fixed names, so concurrent runs sharing one
 * tmpdir break each other's parse). On timeout the whole process tree is
 * killed before {@link #run} returns. Thread-safe: a runner holds no state.
 */
public final class TlcRunner {
    private static final Duration TICK = Duration.ofSeconds(1);
    static final String SERVER_MAIN = "tlc2.tool.distributed.TLCServer";

    /**
     * Runs TLC and returns its structured result; never returns OK for a run that did not finish
     * cleanly.
     *
     * @throws TlcInputException if the tla2tools jar cannot be found
     */
    public TlcResult run(TlcRequest req) {
        Path jar = Tla2Tools.locate(req.tla2toolsJar());
        if (req.server() != null) {
            DistributedSupport.requireSupported(req);
        }
        boolean ownWorkDir = req.workDir() == null;
        Path workDir;
        Path metadir;
        try {
            workDir = ownWorkDir ? Files.createTempDirectory("conform-tlc") : Files.createDirectories(req.workDir());
            metadir = Files.createTempDirectory(workDir, "metadir");
            Files.createDirectories(privateTmp(metadir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare TLC's work folder: " + e.getMessage(), e);
        }
        try {
            // TLCServer looks for the root module in its working folder, whatever path it is given.
            Path directory = req.server() != null ? req.spec().getParent() : workDir;
            return execute(req, jar, command(req, jar, metadir), directory);
        } catch (IOException e) {
            throw new UncheckedIOException("TLC's output could not be read: " + e.getMessage(), e);
        } finally {
            deleteQuietly(ownWorkDir ? workDir : metadir);
        }
    }

    /** The exact command for {@code req}; exposed so users can replay a run by hand. */
    static List<String> command(TlcRequest req, Path jar, Path metadir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // TLC asks for the throughput collector (message 2401) and is measurably faster with it;
        // a collector chosen by the caller wins (two would stop the JVM from starting).
        if (req.jvmOptions().stream().noneMatch(o -> o.matches("-XX:\\+Use\\w*GC"))) {
            cmd.add("-XX:+UseParallelGC");
        }
        cmd.addAll(req.jvmOptions());
        // SANY copies the standard modules it reads from the jar (Naturals.tla, TLC.tla...) to
        // java.io.tmpdir under fixed names and deletes them on exit: TLC processes sharing one
        // tmpdir truncate or delete each other's copies mid-parse and fail at random with
        // "Module-Table lookup failure" (tlaplus/tlaplus#688). Each run gets its own.
        if (!req.systemProperties().containsKey("java.io.tmpdir")
                && req.jvmOptions().stream().noneMatch(o -> o.startsWith("-Djava.io.tmpdir="))) {
            cmd.add("-Djava.io.tmpdir=" + privateTmp(metadir));
        }
        if (!req.libraryPaths().isEmpty()) {
            cmd.add("-DTLA-Library=" + join(req.libraryPaths()));
        }
        req.systemProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        TlcServerOptions server = req.server();
        if (server != null) {
            cmd.addAll(TlcServerOptions.rmiOpens());
            cmd.add("-D" + TlcServerOptions.PORT_PROPERTY + "=" + server.port());
            // TLCServer sleeps a whole report interval (default 1 min) before it notices the end.
            cmd.add("-D" + TlcServerOptions.REPORT_PROPERTY + "=1000");
            if (server.hostname() != null) {
                cmd.add("-Djava.rmi.server.hostname=" + server.hostname());
            }
        }
        List<Path> cp = new ArrayList<>();
        cp.add(jar);
        cp.addAll(req.extraClasspath());
        cmd.add("-cp");
        cmd.add(join(cp));
        cmd.add(server != null ? SERVER_MAIN : "tlc2.TLC");
        cmd.add("-tool");
        cmd.add("-metadir");
        cmd.add(metadir.toString());
        if (server == null) {
            // The server has no threads of its own: the workers that join do the work.
            cmd.add("-workers");
            cmd.add(Integer.toString(req.workers()));
        }
        cmd.add("-config");
        cmd.add(req.config().toString());
        cmd.addAll(req.tlcArguments());
        cmd.add(req.spec().toString());
        return cmd;
    }

    /** The run's own java.io.tmpdir, inside its metadir (deleted with it). */
    static Path privateTmp(Path metadir) {
        return metadir.resolve("tmp");
    }

    private static String join(List<Path> paths) {
        StringBuilder b = new StringBuilder();
        for (Path p : paths) {
            if (b.length() > 0) {
                b.append(File.pathSeparatorChar);
            }
            b.append(p);
        }
        return b.toString();
    }

    private TlcResult execute(TlcRequest req, Path jar, List<String> command, Path workDir) throws IOException {
        LatestProgress latest = new LatestProgress();
        TlcOutputParser out = new TlcOutputParser(m -> {
            if (m.code() == TlcPatterns.PROGRESS || m.code() == TlcPatterns.STATS) {
                latest.update(m.text());
            }
        });
        long start = System.nanoTime();
        Process process;
        LiveProcesses.install();
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return failedToStart(command, jar, e);
        }
        LiveProcesses.add(process);
        process.getOutputStream().close();
        Thread reader = new Thread(() -> pump(process, out, req), "tlc-output");
        reader.setDaemon(true);
        reader.start();
        boolean timedOut = false;
        try {
            timedOut = !waitFor(process, req, start, latest);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        } finally {
            if (process.isAlive()) {
                killTree(process);
            }
            LiveProcesses.remove(process);
        }
        joinQuietly(reader);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        Integer exit = timedOut ? null : process.exitValue();
        return assemble(req, jar, command, out, exit, timedOut, duration);
    }

    /** Waits for TLC, reporting progress each tick; false on timeout. */
    private static boolean waitFor(Process process, TlcRequest req, long start, LatestProgress latest)
            throws InterruptedException {
        long deadline = req.timeout() == null ? Long.MAX_VALUE : start + req.timeout().toNanos();
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return !process.isAlive();
            }
            long wait = Math.min(TICK.toNanos(), deadline - now);
            if (process.waitFor(wait, TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (req.progress() != null) {
                req.progress().accept(latest.at(Duration.ofNanos(System.nanoTime() - start)));
            }
        }
    }

    private static void pump(Process process, TlcOutputParser out, TlcRequest req) {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (out) {
                    out.accept(line);
                }
                if (req.outputListener() != null) {
                    req.outputListener().accept(line);
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is killed; what was read so far is kept.
        }
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("TLC process " + process.pid() + " did not die after kill");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TlcResult assemble(TlcRequest req, Path jar, List<String> command, TlcOutputParser out,
            Integer exit, boolean timedOut, Duration duration) {
        synchronized (out) {
            List<TlcMessage> messages = out.messages();
            List<ConfigFile.Section> cfg = ConfigFile.sections(req.config());
            VerdictClassifier.Classification c = VerdictClassifier.classify(out, exit, timedOut,
                    ConfigFile.names(cfg, "PROPERT"), req.server() != null, req.tlcArguments().contains("-simulate"));
            Counterexample cex = CounterexampleParser.parse(messages);
            if (c.verdict() == Verdict.INVARIANT_VIOLATED && c.name() == null && req.server() != null) {
                c = ViolationNamer.name(req, cfg, cex, c);
            }
            ModuleFiles files = new ModuleFiles(req);
            SourceLocation where = files.resolve(c.location());
            String message = c.message();
            if (where == null && c.verdict() == Verdict.EVALUATION_ERROR && c.name() != null) {
                // TLC 2.18 gives no position for some evaluation errors (a \div by 0): name the definition.
                where = files.definition(c.name());
                message = where == null ? message : message + " (TLC names no expression; at the definition of "
                        + c.name() + ")";
            }
            return new TlcResult(c.verdict(), c.name(), message, where, c.missingModule(),
                    statistics(messages), duration, version(messages), command, exit, files.resolve(cex),
                    messages, out.raw(), jar);
        }
    }

    private static TlcResult failedToStart(List<String> command, Path jar, IOException e) {
        return new TlcResult(Verdict.TLC_CRASH, null, "cannot start TLC: " + e.getMessage(), null, null,
                TlcStatistics.NONE, Duration.ZERO, null, command, null, null, List.of(), "", jar);
    }

    static TlcStatistics statistics(List<TlcMessage> messages) {
        Long generated = null;
        Long distinct = null;
        Long queue = null;
        Long depth = null;
        for (TlcMessage m : messages) {
            if (m.code() == TlcPatterns.STATS) {
                Matcher s = TlcPatterns.STATS_TEXT.matcher(m.text());
                if (s.find()) {
                    generated = TlcPatterns.number(s.group(1));
                    distinct = TlcPatterns.number(s.group(2));
                    queue = TlcPatterns.number(s.group(3));
                }
            } else if (m.code() == TlcPatterns.DEPTH) {
                Matcher d = TlcPatterns.DEPTH_TEXT.matcher(m.text());
                if (d.find()) {
                    depth = TlcPatterns.number(d.group(1));
                }
            }
        }
        return new TlcStatistics(distinct, generated, queue, depth);
    }

    static String version(List<TlcMessage> messages) {
        for (TlcMessage m : messages) {
            if (m.code() == TlcPatterns.VERSION) {
                return VerdictClassifier.firstLine(m.text());
            }
        }
        return null;
    }

    /** Deletes TLC's scratch files (fingerprints, queue); a leftover does not change the result. */
    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // Scratch only.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
