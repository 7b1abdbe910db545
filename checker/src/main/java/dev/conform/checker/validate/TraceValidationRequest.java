package dev.conform.checker.validate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * What to validate and how: one trace, the trace spec and config it is checked against, and the
 * settings of the TLC runs and of the Java replay. Start from {@link #of(Path, Path)} (or
 * {@link #javaOnly(Path)}) and change settings with the {@code with} methods; every value not
 * given has the default documented on its component. Paths are kept as given (reports show them
 * so); the validators make them absolute.
 *
 * @param spec         the trace spec ({@code Trace<Algo>.tla}); null only for a Java-only check
 * @param config       its config; defaults to the spec's sibling {@code .cfg}
 * @param trace        the NDJSON trace
 * @param libraries    extra folders of TLA+ modules the spec needs (none by default)
 * @param tla2tools    another TLC jar (null, the default: the bundled one or
 *                     {@code $CONFORM_TLA2TOOLS})
 * @param timeout      limit for all TLC runs of the validation (null, the default: none)
 * @param segmentSize  events per TLC run, 1..{@link TlcTraceValidator#MAX_SEGMENT} (default
 *                     {@link #DEFAULT_SEGMENT})
 * @param parseThreads threads parsing the trace for the Java replay (default: one per processor;
 *                     1 parses on the calling thread)
 * @param progress     called with the number of events checked so far: during the Java replay,
 *                     then after each TLC segment (default: nobody)
 * @param allowEmpty   whether a trace with a header and no events is accepted (default: no, it is
 *                     bad input: there is nothing to check)
 */
public record TraceValidationRequest(Path spec, Path config, Path trace, List<Path> libraries, Path tla2tools,
        Duration timeout, int segmentSize, int parseThreads, LongConsumer progress, boolean allowEmpty) {
    /** Events per TLC run unless asked otherwise. */
    public static final int DEFAULT_SEGMENT = 30_000;

    private static final LongConsumer NOBODY = n -> { };

    public TraceValidationRequest {
        Objects.requireNonNull(trace, "trace");
        if (segmentSize < 1 || segmentSize > TlcTraceValidator.MAX_SEGMENT) {
            throw new IllegalArgumentException("segment size must be in 1.." + TlcTraceValidator.MAX_SEGMENT
                    + ", got " + segmentSize);
        }
        if (parseThreads < 1) {
            throw new IllegalArgumentException("parse threads must be at least 1, got " + parseThreads);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        config = config != null ? config : spec != null ? sibling(spec) : null;
        libraries = List.copyOf(libraries);
        progress = progress == null ? NOBODY : progress;
    }

    /** Validate {@code trace} against the trace spec {@code spec} (config: its sibling .cfg). */
    public static TraceValidationRequest of(Path spec, Path trace) {
        Objects.requireNonNull(spec, "spec");
        return new TraceValidationRequest(spec, null, trace, List.of(), null, null, DEFAULT_SEGMENT,
                Runtime.getRuntime().availableProcessors(), null, false);
    }

    /** Check {@code trace} with the Java invariants only: there is no trace spec. */
    public static TraceValidationRequest javaOnly(Path trace) {
        return new TraceValidationRequest(null, null, trace, List.of(), null, null, DEFAULT_SEGMENT,
                Runtime.getRuntime().availableProcessors(), null, false);
    }

    /** Another config for the spec (null: its sibling .cfg). */
    public TraceValidationRequest withConfig(Path c) {
        return new TraceValidationRequest(spec, c, trace, libraries, tla2tools, timeout, segmentSize, parseThreads,
                progress, allowEmpty);
    }

    /** The same settings for another trace spec and config. */
    public TraceValidationRequest withSpec(Path s, Path c) {
        return new TraceValidationRequest(s, c, trace, libraries, tla2tools, timeout, segmentSize, parseThreads,
                progress, allowEmpty);
    }

    /** The same settings for another trace. */
    public TraceValidationRequest withTrace(Path t) {
        return new TraceValidationRequest(spec, config, t, libraries, tla2tools, timeout, segmentSize, parseThreads,
                progress, allowEmpty);
    }

    public TraceValidationRequest withLibraries(List<Path> l) {
        return new TraceValidationRequest(spec, config, trace, l, tla2tools, timeout, segmentSize, parseThreads,
                progress, allowEmpty);
    }

    public TraceValidationRequest withTla2tools(Path jar) {
        return new TraceValidationRequest(spec, config, trace, libraries, jar, timeout, segmentSize, parseThreads,
                progress, allowEmpty);
    }

    public TraceValidationRequest withTimeout(Duration d) {
        return new TraceValidationRequest(spec, config, trace, libraries, tla2tools, d, segmentSize, parseThreads,
                progress, allowEmpty);
    }

    public TraceValidationRequest withSegmentSize(int n) {
        return new TraceValidationRequest(spec, config, trace, libraries, tla2tools, timeout, n, parseThreads,
                progress, allowEmpty);
    }

    public TraceValidationRequest withParseThreads(int n) {
        return new TraceValidationRequest(spec, config, trace, libraries, tla2tools, timeout, segmentSize, n,
                progress, allowEmpty);
    }

    public TraceValidationRequest withProgress(LongConsumer p) {
        return new TraceValidationRequest(spec, config, trace, libraries, tla2tools, timeout, segmentSize,
                parseThreads, p, allowEmpty);
    }

    /** Whether a trace with a header and no events is accepted (by default it is bad input: nothing to check). */
    public TraceValidationRequest withAllowEmpty(boolean allow) {
        return new TraceValidationRequest(spec, config, trace, libraries, tla2tools, timeout, segmentSize,
                parseThreads, progress, allow);
    }

    /** {@code Foo.cfg} next to {@code Foo.tla}. */
    static Path sibling(Path spec) {
        String name = spec.getFileName().toString();
        return spec.resolveSibling((name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name) + ".cfg");
    }
}
