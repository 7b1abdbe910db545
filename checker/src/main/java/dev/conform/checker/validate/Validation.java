package dev.conform.checker.validate;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Validates one trace with TLC and/or the Java invariants registered for its algorithm; the
 * library behind {@code conform validate}.
 */
public final class Validation {
    /** Which checks to run. */
    public enum Mode { BOTH, TLC_ONLY, JAVA_ONLY }

    private Validation() {
    }

    /** As {@link #run(Path, Path, Path, Mode, TlcTraceValidator.Options, LongConsumer, int)}, parsing on every processor. */
    public static ValidationReport run(Path trace, Path spec, Path cfg, Mode mode, TlcTraceValidator.Options tlcOptions,
                                       LongConsumer replayProgress) {
        return run(trace, spec, cfg, mode, tlcOptions, replayProgress, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param spec         the trace spec (may be null for {@link Mode#JAVA_ONLY})
     * @param cfg          its config (null: the spec's sibling .cfg)
     * @param parseThreads threads parsing the trace for the Java replay (1: the calling thread)
     */
    public static ValidationReport run(Path trace, Path spec, Path cfg, Mode mode, TlcTraceValidator.Options tlcOptions,
                                       LongConsumer replayProgress, int parseThreads) {
        String algorithm;
        try (TraceReader r = TraceReader.open(trace)) {
            TraceHeader h = r.header();
            algorithm = h.algorithm();
        } catch (TraceFormatException e) {
            return ValidationReport.badInput(trace, e.getMessage());
        }
        ReplayResult java = null;
        String javaNote = null;
        if (mode != Mode.TLC_ONLY) {
            Optional<InvariantSet<?>> set = InvariantRegistry.find(algorithm);
            if (set.isEmpty()) {
                javaNote = "no Java invariants are registered for algorithm '" + algorithm + "'";
            } else {
                try (TraceReader r = TraceReader.open(trace, TraceReader.Options.defaults().withParseThreads(parseThreads))) {
                    java = new ReplayEngine(replayProgress).replay(EventSource.of(r), set.get());
                } catch (TraceFormatException e) {
                    return ValidationReport.badInput(trace, e.getMessage());
                }
            }
        }
        TlcValidation tlc = null;
        if (mode != Mode.JAVA_ONLY) {
            Path config = cfg != null ? cfg : sibling(spec);
            tlc = new TlcTraceValidator().validate(spec, config, trace, tlcOptions);
            if (tlc.outcome() == TlcValidation.Outcome.BAD_INPUT && tlc.events() == 0 && tlc.message() != null
                    && tlc.message().startsWith(trace.toAbsolutePath().normalize().toString())) {
                return ValidationReport.badInput(trace, tlc.message());
            }
        }
        return new ValidationReport(trace, spec, algorithm, tlc, java, javaNote, null);
    }

    static Path sibling(Path spec) {
        String name = spec.getFileName().toString();
        return spec.resolveSibling((name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name) + ".cfg");
    }
}
