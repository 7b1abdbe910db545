package dev.conform.cli.gate;

import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one gate run was asked to do.
 *
 * @param specsDir     the specs folder (commands printed for replay name files under it)
 * @param budget       quick, default or soak
 * @param seeds        chaos runs per algorithm instead of gate.json's (null: gate.json's)
 * @param workers      TLC workers per model check, and threads for chaos runs and TLC samples
 * @param timeout      limit per check (per TLC run for a batch of traces)
 * @param flaw         teaching flaw switched on in chaos runs (null: none)
 * @param runDir       where traces are written (failures are kept there)
 * @param libraries    folders of shared TLA+ modules
 * @param tla2tools    another TLC jar, or null
 * @param reportDir    where the HTML reports of failing runs go, laid out like {@code runDir} (null: none)
 * @param shard        the share of the work this run does ({@link GateShard#ALL}: all of it)
 */
public record GateSettings(Path specsDir, Budget budget, Integer seeds, int workers, Duration timeout, String flaw,
        Path runDir, List<Path> libraries, Path tla2tools, Path reportDir, GateShard shard) {

    public GateSettings {
        libraries = List.copyOf(libraries);
    }

    /** The whole gate, unsharded. */
    public GateSettings(Path specsDir, Budget budget, Integer seeds, int workers, Duration timeout, String flaw,
            Path runDir, List<Path> libraries, Path tla2tools, Path reportDir) {
        this(specsDir, budget, seeds, workers, timeout, flaw, runDir, libraries, tla2tools, reportDir, GateShard.ALL);
    }

    /** The same run with another share of the work. */
    public GateSettings withShard(GateShard other) {
        return new GateSettings(specsDir, budget, seeds, workers, timeout, flaw, runDir, libraries, tla2tools, reportDir,
                other);
    }

    public int seedsFor(GatePairing p) {
        return seeds != null ? seeds : p.seeds(budget);
    }

    /** Chaos traces of the pairing validated by TLC: gate.json's share of the seeds, capped by them. */
    public int tlcTracesFor(GatePairing p) {
        return Math.min(p.tlcSample(budget), seedsFor(p));
    }

    /**
     * How the gate validates a trace with TLC through {@code traceSpec} (Java invariants only when
     * it is null): segments as long as TLC allows, this run's limit per TLC run, libraries and TLC jar.
     */
    public TraceValidationRequest validation(Path traceSpec, Path trace) {
        if (traceSpec == null) {
            return TraceValidationRequest.javaOnly(trace).withLibraries(libraries);
        }
        return TraceValidationRequest.of(traceSpec, trace).withSegmentSize(TlcTraceValidator.MAX_SEGMENT)
                .withTimeout(timeout).withTla2tools(tla2tools).withLibraries(libraries);
    }
}
