package dev.conform.checker.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names the violation TLC's distributed server found. TLC 2.18's server prints the behaviour but
 * not what it violates ("Invariant X is violated" stays inside the worker's exception), and a
 * deadlock looks the same. This re-checks the behaviour's last state with a local TLC run: a
 * module whose only initial state is that state, no next state, and the config's constants and
 * invariants. TLC then names the first invariant the state violates; if it violates none, the
 * only other safety check distributed TLC makes is deadlock. A last state that violates nothing
 * while deadlock is not checked contradicts the server and is a {@link Verdict#TLC_CRASH}.
 */
final class ViolationNamer {
    private static final String MODULE = "ConformReplay";
    /** TLC 2.18's server prints the violating state and its predecessor, numbered from 1 as if initial. */
    static final String LAST_STEP = " (distributed TLC prints only the last step of the behaviour: "
            + "its first state is the predecessor, not an initial state)";
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Pattern VARIABLE = Pattern.compile("(?m)^(?:/\\\\ )?(\\w+) = ");
    private static final Pattern IDENT = Pattern.compile("\\b[A-Za-z_]\\w*\\b");
    private static final Pattern ASSIGNED = Pattern.compile("\\b(\\w+)\\s*(?:=|<-)");
    private static final Pattern SUBSTITUTE = Pattern.compile("<-\\s*(?:\\[\\w+\\]\\s*)?(\\w+)");

    private ViolationNamer() {
    }

    static VerdictClassifier.Classification name(TlcRequest req, List<ConfigFile.Section> cfg, Counterexample cex,
            VerdictClassifier.Classification found) {
        List<String> invariants = ConfigFile.names(cfg, "INVARIANT");
        boolean deadlock = ConfigFile.checksDeadlock(cfg) && !req.tlcArguments().contains("-deadlock");
        if (cex == null || cex.states().isEmpty()) {
            return unnamed(found, "TLC printed no state", invariants, deadlock);
        }
        TlcState last = cex.states().get(cex.states().size() - 1);
        TlcResult replay;
        try {
            replay = replay(req, cfg, invariants, last);
        } catch (UncheckedIOException | TlcInputException e) {
            return unnamed(found, e.getMessage(), invariants, deadlock);
        }
        if (replay.verdict() == Verdict.INVARIANT_VIOLATED && replay.violatedName() != null) {
            return new VerdictClassifier.Classification(Verdict.INVARIANT_VIOLATED, replay.violatedName(),
                    "invariant " + replay.violatedName() + " is violated" + LAST_STEP, null, null);
        }
        if (replay.verdict() == Verdict.OK && deadlock) {
            return new VerdictClassifier.Classification(Verdict.DEADLOCK, null,
                    "deadlock reached (distributed TLC prints only the deadlocked state)", null, null);
        }
        if (replay.verdict() == Verdict.OK) {
            return new VerdictClassifier.Classification(Verdict.TLC_CRASH, null, "distributed TLC reported a "
                    + "counterexample whose last state violates none of " + invariants, null, null);
        }
        return unnamed(found, "re-checking its last state gave " + replay.verdict() + ": " + replay.message(),
                invariants, deadlock);
    }

    private static VerdictClassifier.Classification unnamed(VerdictClassifier.Classification found, String why,
            List<String> invariants, boolean deadlock) {
        String candidates = invariants + (deadlock ? " or deadlock" : "");
        return new VerdictClassifier.Classification(found.verdict(), null,
                "distributed TLC found a violation of one of " + candidates + " and cannot say which (" + why + ")",
                null, null);
    }

    private static TlcResult replay(TlcRequest req, List<ConfigFile.Section> cfg, List<String> invariants,
            TlcState state) {
        Path dir;
        try {
            dir = Files.createTempDirectory("conform-replay");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder to re-check the counterexample: " + e.getMessage(), e);
        }
        try {
            Set<String> modelValues = modelValues(cfg);
            Path module = dir.resolve(MODULE + ".tla");
            Files.writeString(module, module(req.spec(), modelValues, state));
            Path config = dir.resolve(MODULE + ".cfg");
            Files.writeString(config, config(cfg, modelValues, invariants));
            TlcRequest.Builder b = TlcRequest.builder(module).config(config).timeout(LIMIT)
                    .workDir(dir.resolve("work")).tla2toolsJar(req.tla2toolsJar())
                    .libraryPath(req.spec().getParent()).libraryPaths(req.libraryPaths());
            return new TlcRunner().run(b.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the re-check of the counterexample: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String module(Path root, Set<String> modelValues, TlcState state) {
        String name = root.getFileName().toString().replaceFirst("\\.tla$", "");
        StringBuilder b = new StringBuilder("---- MODULE " + MODULE + " ----\n");
        b.append("EXTENDS ").append(name).append('\n');
        if (!modelValues.isEmpty()) {
            b.append("CONSTANTS ").append(String.join(", ", modelValues)).append('\n');
        }
        b.append(MODULE).append("Init ==\n");
        state.text().lines().skip(1).forEach(l -> b.append("    ").append(l).append('\n'));
        // TLC wants an action that mentions the variables; stuttering adds no state.
        b.append(MODULE).append("Next == UNCHANGED <<").append(String.join(", ", variables(state)))
                .append(">>\n====\n");
        return b.toString();
    }

    private static String config(List<ConfigFile.Section> cfg, Set<String> modelValues, List<String> invariants) {
        StringBuilder b = new StringBuilder();
        for (ConfigFile.Section s : cfg) {
            if (s.is("CONSTANT")) {
                b.append("CONSTANTS").append(s.body()).append('\n');
            }
        }
        for (String v : modelValues) {
            b.append("CONSTANTS ").append(v).append(" = ").append(v).append('\n');
        }
        if (!invariants.isEmpty()) {
            b.append("INVARIANTS ").append(String.join(" ", invariants)).append('\n');
        }
        b.append("INIT ").append(MODULE).append("Init\nNEXT ").append(MODULE).append("Next\nCHECK_DEADLOCK FALSE\n");
        return b.toString();
    }

    private static List<String> variables(TlcState state) {
        if (!state.variables().isEmpty()) {
            return List.copyOf(state.variables().keySet());
        }
        List<String> names = new java.util.ArrayList<>();
        Matcher m = VARIABLE.matcher(state.text());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Names the config gives values to without the module declaring them ({@code RM = {r2, r3}}):
     * model values, which the re-check module must declare to print states that mention them.
     */
    static Set<String> modelValues(List<ConfigFile.Section> cfg) {
        Set<String> values = new LinkedHashSet<>();
        for (ConfigFile.Section s : cfg) {
            if (!s.is("CONSTANT")) {
                continue;
            }
            String body = s.body().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ");
            Set<String> excluded = new LinkedHashSet<>(List.of("TRUE", "FALSE"));
            Matcher a = ASSIGNED.matcher(body);
            while (a.find()) {
                excluded.add(a.group(1));
            }
            Matcher sub = SUBSTITUTE.matcher(body);
            while (sub.find()) {
                excluded.add(sub.group(1));
            }
            Matcher id = IDENT.matcher(body);
            while (id.find()) {
                if (!excluded.contains(id.group())) {
                    values.add(id.group());
                }
            }
        }
        return values;
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
