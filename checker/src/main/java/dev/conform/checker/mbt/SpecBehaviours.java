package dev.conform.checker.mbt;

import dev.conform.checker.tlc.TlcRequest;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.checker.value.TlaValue;
import dev.conform.checker.value.TlaValueSyntaxException;
import dev.conform.checker.value.TlaValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Behaviours of a spec drawn by TLC's random simulation ({@code -simulate file=F,num=N -depth D
 * -seed S}, one worker, so a seed gives the same behaviours again): TLC 2.18 writes each behaviour
 * as a module of {@code STATE_i == /\ x = ...} definitions, which are read back here as state
 * sequences. The spec itself must name the step that led to each state in a variable (TLC 2.18's
 * files carry no action names); see {@code specs/twopc/MbtTwoPhase.tla}.
 */
public final class SpecBehaviours {
    private static final Pattern STATE = Pattern.compile("^STATE_(\\d+) ==\\s*$", Pattern.MULTILINE);
    private static final Pattern FILE = Pattern.compile("b_(\\d+)_(\\d+)");
    private static final Pattern END = Pattern.compile("^={4,}\\s*$", Pattern.MULTILINE);

    /** What TLC did, and the behaviours it wrote (empty unless the run is OK). */
    public record Result(TlcResult tlc, List<List<Map<String, TlaValue>>> behaviours) {
        public boolean ok() {
            return tlc.isOk();
        }
    }

    private SpecBehaviours() {
    }

    /**
     * Simulates {@code count} behaviours of at most {@code depth} states of {@code spec} under
     * {@code config}, with the tla2tools jar {@code tla2tools} (null: the default one).
     *
     * @throws MbtException when a behaviour file cannot be read back
     */
    public static Result simulate(TlcRunner runner, Path spec, Path config, int count, int depth, long seed,
            Duration timeout, Path tla2tools) {
        Path work;
        try {
            work = Files.createTempDirectory("conform-mbt");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for TLC's behaviours: " + e.getMessage(), e);
        }
        try {
            Path out = Files.createDirectories(work.resolve("behaviours"));
            TlcRequest req = TlcRequest.builder(spec).config(config).workDir(work).timeout(timeout).tla2toolsJar(tla2tools)
                    .tlcArgument("-simulate").tlcArgument("file=" + out.resolve("b") + ",num=" + count)
                    .tlcArgument("-depth").tlcArgument(Integer.toString(depth))
                    .tlcArgument("-seed").tlcArgument(Long.toString(seed)).build();
            TlcResult r = runner.run(req);
            return new Result(r, r.isOk() ? read(out) : List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLC's behaviours: " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    /** The behaviour files in {@code dir}, in the order TLC generated them. */
    static List<List<Map<String, TlaValue>>> read(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> FILE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(SpecBehaviours::worker).thenComparingLong(SpecBehaviours::index))
                    .toList();
        }
        List<List<Map<String, TlaValue>>> out = new ArrayList<>();
        for (Path f : files) {
            out.add(parse(f.getFileName().toString(), Files.readString(f)));
        }
        return out;
    }

    /** The states of one behaviour module written by TLC. */
    static List<Map<String, TlaValue>> parse(String name, String module) {
        List<Map<String, TlaValue>> states = new ArrayList<>();
        Matcher m = STATE.matcher(module);
        List<int[]> bodies = new ArrayList<>();
        while (m.find()) {
            bodies.add(new int[] {m.end(), m.start()});
        }
        for (int i = 0; i < bodies.size(); i++) {
            int start = bodies.get(i)[0];
            Matcher last = END.matcher(module);
            int end = i + 1 < bodies.size() ? bodies.get(i + 1)[1] : last.find(start) ? last.start() : module.length();
            String body = module.substring(start, end).trim();
            try {
                states.add(TlaValues.parseState(body));
            } catch (TlaValueSyntaxException e) {
                throw new MbtException(name + ": state " + (i + 1) + " cannot be read: " + e.getMessage());
            }
        }
        if (states.isEmpty()) {
            throw new MbtException(name + ": TLC wrote a behaviour without states");
        }
        return states;
    }

    private static long worker(Path p) {
        Matcher m = FILE.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long index(Path p) {
        Matcher m = FILE.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(2)) : 0;
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // Scratch only.
        }
    }
}
