package dev.conform.checker.validate;

import com.fasterxml.jackson.core.JsonFactory;
import dev.conform.checker.tla.TraceInputOperators;
import dev.conform.checker.tla.TraceSlice;
import dev.conform.checker.tlc.TlaParseException;
import dev.conform.checker.tlc.TlcRequest;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.checker.invariants.EventPlace;
import dev.conform.checker.tlc.Tla2Tools;
import dev.conform.checker.tlc.TlcInputException;
import dev.conform.checker.tlc.TlcState;
import dev.conform.checker.tlc.Verdict;
import dev.conform.checker.validate.TlcValidation.Outcome;
import dev.conform.checker.value.TlaValue;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
 * Validates a trace against a trace spec with TLC, in segments, failing closed: the only way to
 * {@link Outcome#CONFORMS} is, in every segment, TLC finishing without error at search depth
 * {@code len + 1} and printing the end marker of a state that consumed the whole segment (see
 * {@link SegmentAnswer}). A match is not an invariant violation, so TLC prints no behaviour:
 * only the end states, from which the next segment starts.
 */
public final class TlcTraceValidator {
    /** TLC keeps one behaviour of at most 32,767 steps; stay below it. */
    public static final int MAX_SEGMENT = 32_000;
    private static final Pattern DIAG_LINE = Pattern.compile(
            "<<\"" + GeneratedModules.DIAG_TAG + "\", (\\d+), (\\d+), (TRUE|FALSE)>>");

    private final TlcRunner runner;

    public TlcTraceValidator(TlcRunner runner) {
        this.runner = runner;
    }

    public TlcTraceValidator() {
        this(new TlcRunner());
    }

    /**
     * Validates {@code req.trace()} against {@code req.spec()} with TLC; never throws for bad
     * input or a failing TLC, it reports them.
     *
     * @throws IllegalArgumentException if the request has no trace spec
     */
    public TlcValidation validate(TraceValidationRequest req) {
        if (req.spec() == null) {
            throw new IllegalArgumentException("a TLC validation needs a trace spec");
        }
        Run run = new Run(req);
        try {
            return run.execute();
        } finally {
            run.cleanUp();
        }
    }

    /** The state of one validation. */
    private final class Run {
        final Path spec;
        final Path cfg;
        final Path trace;
        final TraceValidationRequest req;
        final long deadline;
        final List<String> commands = new ArrayList<>();
        Duration tlcTime = Duration.ZERO;
        Path work;
        long events;
        int segments;

        Run(TraceValidationRequest req) {
            this.spec = req.spec().toAbsolutePath().normalize();
            this.cfg = req.config().toAbsolutePath().normalize();
            this.trace = req.trace().toAbsolutePath().normalize();
            this.req = req;
            this.deadline = req.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + req.timeout().toNanos();
        }

        TlcValidation execute() {
            try {
                Tla2Tools.locate(req.tla2tools());
            } catch (TlcInputException e) {
                return done(Outcome.BAD_INPUT, e.getMessage(), null, null, 0);
            }
            TraceConfig config;
            try {
                config = TraceConfig.read(cfg);
            } catch (IOException e) {
                return done(Outcome.BAD_INPUT, "cannot read the trace spec's config: " + e.getMessage(), null, null, 0);
            }
            try {
                events = countEvents(trace);
            } catch (TraceFormatException e) {
                return done(Outcome.BAD_INPUT, e.getMessage(), null, null, 0);
            }
            try {
                work = Files.createTempDirectory("conform-validate");
                TraceLibrary.writeTo(work);
            } catch (IOException e) {
                return done(Outcome.TOOL_FAILURE, "cannot prepare a work folder: " + e.getMessage(), null, null, 0);
            }
            TraceSpecSource source;
            try {
                // The search order of the TLC runs: their working folder (the bundled library),
                // the spec's folder, then the user's library folders (-DTLA-Library).
                List<Path> folders = new ArrayList<>();
                folders.add(work);
                folders.add(spec.getParent());
                folders.addAll(req.libraries());
                source = TraceSpecSource.read(spec, folders);
            } catch (TlaParseException e) {
                return done(Outcome.BAD_INPUT, "the trace spec does not parse: " + e.getMessage(), null, null, 0);
            } catch (IOException e) {
                return done(Outcome.BAD_INPUT, "cannot read the trace spec: " + e.getMessage(), null, null, 0);
            } catch (RuntimeException e) {
                return done(Outcome.TOOL_FAILURE, "cannot read the trace spec with SANY: " + e.getMessage(), null,
                        null, 0);
            }
            List<String> variables = source.variables();
            if (events > req.segmentSize() && variables.stream().allMatch("l"::equals)) {
                return done(Outcome.BAD_INPUT, "found no VARIABLE declarations for " + source.moduleName()
                        + " and the modules it EXTENDS; a segment cannot start where the previous one ended",
                        null, null, 0);
            }
            List<Map<String, TlaValue>> start = null;
            long from = 1;
            do {
                long to = Math.min(events, from + req.segmentSize() - 1);
                boolean last = to >= events;
                String init = GeneratedModules.init(config.init(), start);
                List<String> constraints = new ArrayList<>();
                for (int i = 0; i < config.invariants().size(); i++) {
                    constraints.add(GeneratedModules.invariantCheck(i));
                }
                constraints.add(GeneratedModules.END);
                TlcResult r;
                try {
                    r = runTlc(GeneratedModules.TRACE,
                            GeneratedModules.traceModule(source.moduleName(), init, variables, !last,
                                    config.invariants()),
                            config.render("ConformInit", config.next(), List.of(), constraints), from, to);
                } catch (IOException | RuntimeException e) {
                    return done(Outcome.TOOL_FAILURE, "TLC could not be run: " + e.getMessage(), null, null, 0);
                }
                segments++;
                long len = to - from + 1;
                if (r.verdict() == Verdict.INVARIANT_VIOLATED && config.invariants().contains(r.violatedName())) {
                    TlcState lastState = lastState(r);
                    TlaValue l = lastState == null ? null : lastState.variables().get("l");
                    if (!(l instanceof TlaValue.Int li)) {
                        return done(Outcome.TOOL_FAILURE, "TLC reported " + r.violatedName()
                                + " violated without a readable state", null, null, 0);
                    }
                    long after = from - 1 + li.value().longValueExact() - 1;
                    return done(Outcome.INVARIANT_VIOLATED, "invariant " + r.violatedName() + " is violated after event "
                            + after + ": " + lastState.text().replaceAll("\\s+", " "), null, r.violatedName(), after);
                }
                if (r.verdict() == Verdict.OK) {
                    TlcValidation violated = violation(r, from);
                    if (violated != null) {
                        return violated;
                    }
                    SegmentAnswer a = SegmentAnswer.read(r, len, !last);
                    if (a instanceof SegmentAnswer.Matched m) {
                        if (!last && m.endStates().isEmpty()) {
                            return done(Outcome.TOOL_FAILURE, "TLC matched the segment but printed no end state",
                                    null, null, 0);
                        }
                        start = m.endStates();
                        req.progress().accept(to);
                        from = to + 1;
                        continue;
                    }
                    if (a instanceof SegmentAnswer.Diverged d) {
                        return diverged(source, config, init, variables, from, to, d.depth());
                    }
                    if (a instanceof SegmentAnswer.EndConditionFails) {
                        return endConditionFails(to);
                    }
                    return done(Outcome.TOOL_FAILURE, "cannot tell whether the trace matched: "
                            + ((SegmentAnswer.Unreadable) a).reason(), null, null, 0);
                }
                if (r.verdict().isBadInput()) {
                    return done(Outcome.BAD_INPUT, "TLC rejected the trace spec: " + r.message(), null, null, 0);
                }
                return done(Outcome.TOOL_FAILURE, "TLC " + r.verdict() + (r.violatedName() == null ? "" : " "
                        + r.violatedName()) + ": " + r.message(), null, null, 0);
            } while (from <= events);
            return done(Outcome.CONFORMS, "all " + events + " events matched the spec"
                    + (segments > 1 ? " (" + segments + " segments)" : ""), null, null, 0);
        }

        /** The first invariant violation the segment's run printed, or null when there is none. */
        TlcValidation violation(TlcResult r, long from) {
            List<TlaValue> marks;
            try {
                marks = SegmentAnswer.tagged(r.rawOutput(), VIOLATION_START);
            } catch (RuntimeException e) {
                return done(Outcome.TOOL_FAILURE, "cannot read an invariant violation TLC printed: " + e.getMessage(),
                        null, null, 0);
            }
            if (marks.isEmpty()) {
                return null;
            }
            if (!(marks.get(0) instanceof TlaValue.Tuple t) || t.elements().size() != 4
                    || !(t.elements().get(1) instanceof TlaValue.Str name)
                    || !(t.elements().get(2) instanceof TlaValue.Int l)) {
                return done(Outcome.TOOL_FAILURE, "unreadable invariant violation printed by TLC: " + marks.get(0).toTla(),
                        null, null, 0);
            }
            long after = from - 1 + l.value().longValueExact() - 1;
            String state = stateText(new TlaValue.Tuple(List.of(t.elements().get(0), t.elements().get(3))));
            return done(Outcome.INVARIANT_VIOLATED, "invariant " + name.value() + " is violated after event " + after
                    + ": " + state.replaceAll("\\s+", " "), null, name.value(), after);
        }

        TlcValidation diverged(TraceSpecSource source, TraceConfig config, String init, List<String> variables,
                long from, long to, long k) {
            long event = from - 1 + k;
            long line = 0;
            String json = null;
            try {
                line = lineOfEvent(trace, event);
                json = lineText(trace, line);
            } catch (IOException | RuntimeException e) {
                json = "(could not re-read the event: " + e.getMessage() + ")";
            }
            String lastState = null;
            Map<String, TlaValue> lastValues = null;
            List<TlcValidation.ActionDiagnosis> actions = new ArrayList<>();
            String note = null;
            try {
                TlcResult d = runTlc(GeneratedModules.DIAG,
                        GeneratedModules.diagModule(source.moduleName(), init, source.actions(), variables, k),
                        config.render("ConformInit", config.next(), List.of(), List.of(GeneratedModules.DIAG_STOP)),
                        from, to);
                List<TlaValue> states = d.verdict() == Verdict.OK
                        ? SegmentAnswer.tagged(d.rawOutput(), DIAG_STATE_START) : List.of();
                if (!states.isEmpty()) {
                    lastState = stateText(states.get(0));
                    lastValues = stateValues(states.get(0));
                    actions = diagnoses(source.actions(), d.rawOutput());
                } else {
                    note = "the diagnostic TLC run answered " + d.verdict() + " without the state at event " + event
                            + (d.message() == null ? "" : ": " + d.message());
                }
            } catch (IOException | RuntimeException e) {
                note = "the diagnostic TLC run failed: " + e.getMessage();
            }
            var div = new TlcValidation.Divergence(event, line, json, lastState, lastValues, actions, note);
            return done(Outcome.DIVERGES, "the trace diverges from the spec at " + EventPlace.of(event, line, json)
                    + ": no action of the spec matches it", div, null, 0);
        }

        /** Every event matched, but the trace cannot end where it ends: rejected at its last event. */
        TlcValidation endConditionFails(long event) {
            long line = 0;
            String json;
            try {
                line = lineOfEvent(trace, event);
                json = lineText(trace, line);
            } catch (IOException | RuntimeException e) {
                json = "(could not re-read the event: " + e.getMessage() + ")";
            }
            String why = "every event was matched, but no state after the last one satisfies the trace spec's"
                    + " end condition (TraceEndCondition, e.g. a delivery left without its handler)";
            var div = new TlcValidation.Divergence(event, line, json, null, null, List.of(), why);
            return done(Outcome.DIVERGES, "the trace cannot end at " + EventPlace.of(event, line, json) + ": " + why,
                    div, null, 0);
        }

        TlcResult runTlc(String module, String moduleText, String cfgText, long from, long to) throws IOException {
            Files.writeString(work.resolve(module + ".tla"), moduleText);
            Files.writeString(work.resolve(module + ".cfg"), cfgText);
            TlcRequest.Builder b = request(work, module, spec, req, trace, from, to);
            if (deadline != Long.MAX_VALUE) {
                long left = deadline - System.nanoTime();
                b.timeout(Duration.ofNanos(Math.max(left, 1_000_000)));
            }
            TlcResult r = runner.run(b.build());
            commands.add(r.commandLineString());
            tlcTime = tlcTime.plus(r.duration() == null ? Duration.ZERO : r.duration());
            return r;
        }

        TlcValidation done(Outcome o, String message, TlcValidation.Divergence div, String inv, long invEvent) {
            return new TlcValidation(o, events, segments, message, div, inv, invEvent, commands, tlcTime);
        }

        void cleanUp() {
            if (work == null) {
                return;
            }
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | RuntimeException ignored) {
                // a leftover temp folder is harmless
            }
        }
    }

    private static List<TlcValidation.ActionDiagnosis> diagnoses(List<TraceSpecSource.ActionShape> actions, String out) {
        int n = actions.size();
        boolean[][] enabled = new boolean[n][];
        boolean[][] seen = new boolean[n][];
        for (int i = 0; i < n; i++) {
            enabled[i] = new boolean[actions.get(i).conjuncts().size() + 1];
            seen[i] = new boolean[enabled[i].length];
        }
        Matcher m = DIAG_LINE.matcher(out);
        while (m.find()) {
            int i = Integer.parseInt(m.group(1)) - 1;
            int j = Integer.parseInt(m.group(2));
            if (i < n && j < enabled[i].length && !seen[i][j]) {
                seen[i][j] = true;
                enabled[i][j] = m.group(3).equals("TRUE");
            }
        }
        List<TlcValidation.ActionDiagnosis> out2 = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TraceSpecSource.ActionShape a = actions.get(i);
            int c = a.conjuncts().size();
            int failed = 0;
            for (int j = 1; j <= c; j++) {
                if (!seen[i][j]) {
                    failed = -1;
                    break;
                }
                if (!enabled[i][j]) {
                    failed = j;
                    break;
                }
            }
            if (failed < 0) {
                continue; // the diagnostic output lacked this action: leave it out rather than guess
            }
            out2.add(new TlcValidation.ActionDiagnosis(a.name(), failed == 0, failed,
                    failed == 0 ? null : a.conjunctText(failed), c));
        }
        return out2;
    }

    private static final Pattern VIOLATION_START =
            Pattern.compile("<<\\s*\"" + GeneratedModules.VIOLATION_TAG + "\"");
    private static final Pattern DIAG_STATE_START = Pattern.compile("<<\\s*\"" + GeneratedModules.DIAG_STATE + "\"");

    /** The printed diagnostic state as TLC shows a state: one {@code /\ var = value} line each. */
    private static String stateText(TlaValue printed) {
        if (printed instanceof TlaValue.Tuple t && t.elements().size() == 2
                && t.elements().get(1) instanceof TlaValue.Record r) {
            StringBuilder sb = new StringBuilder();
            r.fields().forEach((var, val) -> sb.append(sb.length() == 0 ? "" : "\n").append("/\\ ").append(var)
                    .append(" = ").append(val.toTla()));
            return sb.toString();
        }
        return printed.toTla();
    }

    /** The printed diagnostic state's variables, or null when it is not the expected tuple. */
    private static Map<String, TlaValue> stateValues(TlaValue printed) {
        return printed instanceof TlaValue.Tuple t && t.elements().size() == 2
                && t.elements().get(1) instanceof TlaValue.Record r ? r.fields() : null;
    }

    private static TlcState lastState(TlcResult r) {
        if (r.counterexample() == null || r.counterexample().states().isEmpty()) {
            return null;
        }
        List<TlcState> s = r.counterexample().states();
        return s.get(s.size() - 1);
    }

    static long countEvents(Path trace) {
        long n = 0;
        try (TraceReader r = TraceReader.open(trace)) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }

    static long lineOfEvent(Path trace, long event) {
        try (TraceReader r = TraceReader.open(trace)) {
            for (long i = 0; i < event; i++) {
                if (r.next() == null) {
                    return 0;
                }
            }
            return r.line();
        }
    }

    static String lineText(Path trace, long line) throws IOException {
        try (BufferedReader br = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            String s = null;
            for (long i = 0; i < line; i++) {
                s = br.readLine();
            }
            return s;
        }
    }

    /**
     * The TLC run of generated {@code module} in {@code work} over events {@code from..to} of
     * {@code trace}: one worker (trace specs want breadth-first search), the conform overrides and
     * the trace reader on the classpath, the spec's folder and the user's libraries on the path.
     */
    static TlcRequest.Builder request(Path work, String module, Path spec, TraceValidationRequest req, Path trace,
                                      long from, long to) {
        return TlcRequest.builder(work.resolve(module + ".tla"))
                .config(work.resolve(module + ".cfg"))
                .workers(1)
                .workDir(work)
                .libraryPath(spec.getParent())
                .libraryPaths(req.libraries())
                .systemProperty(TraceSlice.PATH, trace.toString())
                .systemProperty(TraceSlice.FROM, Long.toString(from))
                .systemProperty(TraceSlice.TO, Long.toString(to))
                .classpathEntry(codeSource(TraceInputOperators.class))
                .classpathEntry(codeSource(JsonFactory.class))
                .classpathEntry(codeSource(TraceEvent.class))
                .tla2toolsJar(req.tla2tools());
    }

    static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
        }
    }
}
