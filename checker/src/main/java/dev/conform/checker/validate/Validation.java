package dev.conform.checker.validate;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Validates one trace with TLC and/or the Java invariants registered for its algorithm; the
 * library behind {@code conform validate}.
 */
public final class Validation {
    /** Which checks to run. */
    public enum Mode {
        BOTH, TLC_ONLY, JAVA_ONLY,
        /** Neither TLC nor invariants: the rules of the trace format alone ({@link FormatRules}). */
        FORMAT_ONLY;

        boolean runsTlc() {
            return this == BOTH || this == TLC_ONLY;
        }
    }

    private Validation() {
    }

    /**
     * Runs the checks {@code mode} asks for on {@code req.trace()}.
     *
     * @throws IllegalArgumentException if {@code mode} runs TLC but the request has no trace spec
     */
    public static ValidationReport run(TraceValidationRequest req, Mode mode) {
        if (mode.runsTlc() && req.spec() == null) {
            throw new IllegalArgumentException(mode + " needs a trace spec");
        }
        Path trace = req.trace();
        String algorithm;
        try (TraceReader r = TraceReader.open(trace)) {
            TraceHeader h = r.header();
            algorithm = h.algorithm();
            if (!req.allowEmpty() && r.next() == null) {
                return ValidationReport.badInput(trace, trace + ":2:1: no events: the trace has a header and nothing"
                        + " to check (pass --allow-empty to accept it)");
            }
        } catch (TraceFormatException e) {
            return ValidationReport.badInput(trace, e.getMessage());
        }
        String misfit = schemaMisfit(req, algorithm);
        if (misfit != null) {
            return ValidationReport.badInput(trace, misfit);
        }
        ReplayResult java = null;
        String javaNote = null;
        if (mode == Mode.FORMAT_ONLY) {
            try (TraceReader r = TraceReader.open(trace)) {
                java = new ReplayEngine(req.progress()).replay(EventSource.of(r), new FormatRules(algorithm));
            } catch (TraceFormatException e) {
                return ValidationReport.badInput(trace, e.getMessage());
            }
            return new ValidationReport(trace, req.spec(), algorithm, null, java, FormatRules.NOTE, null);
        }
        if (mode != Mode.TLC_ONLY) {
            Optional<InvariantSet<?>> set = InvariantRegistry.find(algorithm);
            if (set.isEmpty()) {
                javaNote = "no Java invariants are registered for algorithm '" + algorithm + "'";
            } else {
                TraceReader.Options parsing = TraceReader.Options.defaults().withParseThreads(req.parseThreads());
                try (TraceReader r = TraceReader.open(trace, parsing)) {
                    java = new ReplayEngine(req.progress()).replay(EventSource.of(r), set.get());
                } catch (TraceFormatException e) {
                    return ValidationReport.badInput(trace, e.getMessage());
                }
            }
        }
        TlcValidation tlc = null;
        if (mode.runsTlc()) {
            tlc = new TlcTraceValidator().validate(req);
            if (tlc.outcome() == TlcValidation.Outcome.BAD_INPUT && tlc.events() == 0 && tlc.message() != null
                    && tlc.message().startsWith(trace.toAbsolutePath().normalize().toString())) {
                return ValidationReport.badInput(trace, tlc.message());
            }
        }
        return new ValidationReport(trace, req.spec(), algorithm, tlc, java, javaNote, null);
    }

    /**
     * Why the trace does not fit its trace spec's schema ({@link TraceSchema}): another algorithm,
     * or a value of the wrong type, as {@code file:line:column: reason}; null when it fits or the
     * spec has no schema.
     */
    static String schemaMisfit(TraceValidationRequest req, String algorithm) {
        if (req.spec() == null) {
            return null;
        }
        try {
            Optional<TraceSchema> schema = TraceSchema.forSpec(req.spec());
            if (schema.isEmpty()) {
                return null;
            }
            String expected = schema.get().algorithm();
            if (expected != null && !expected.equals(algorithm)) {
                return req.trace() + ":1:1: the trace is of algorithm '" + algorithm + "' but "
                        + req.spec().getFileName() + " validates '" + expected + "'";
            }
            return schema.get().check(req.trace());
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
