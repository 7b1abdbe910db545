package dev.conform.cli.gate;

import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;

/** Validates one sampled chaos trace with TLC through the pairing's trace spec. */
final class TlcSampleCheck implements GateCheck {
    private final ChaosBatch batch;
    private final long seed;
    private final GateSettings settings;

    TlcSampleCheck(ChaosBatch batch, long seed, GateSettings settings) {
        this.batch = batch;
        this.seed = seed;
        this.settings = settings;
    }

    @Override
    public String suite() {
        return batch.pairing.folder().getFileName().toString();
    }

    @Override
    public String name() {
        return batch.pairing.traceSpec() + " seed " + seed;
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    @Override
    public GateOutcome run() {
        long start = System.nanoTime();
        Path trace = batch.trace(seed);
        RunCheck ran = batch.sampleTrace(seed);
        if (ran != null) {
            int exit = ran.violation() ? ExitCodes.VIOLATION : ExitCodes.TOOL_FAILURE;
            return outcome(false, ran.kind().name(), exit, ran.message(), 0, start, trace);
        }
        TlcValidation v = new TlcTraceValidator().validate(settings.validation(batch.pairing, trace));
        if (v.conforms()) {
            ChaosBatch.deleteQuietly(trace);
            return outcome(true, "CONFORMS", 0, null, v.events(), start, trace);
        }
        int exit = switch (v.outcome()) {
            case DIVERGES, INVARIANT_VIOLATED -> ExitCodes.VIOLATION;
            case BAD_INPUT -> ExitCodes.BAD_INPUT;
            default -> ExitCodes.TOOL_FAILURE;
        };
        String detail = v.message();
        if (v.divergence() != null && (detail == null || !detail.contains("event " + v.divergence().event()))) {
            detail += " (event " + v.divergence().event() + ", line " + v.divergence().line() + ")";
        }
        return outcome(false, v.outcome().name(), exit, detail, v.events(), start, trace);
    }

    private GateOutcome outcome(boolean passed, String verdict, int exit, String detail, long events, long start,
            Path trace) {
        List<String> replay = passed ? List.of() : List.of(
                "  replay:   " + ReplayCommands.run(batch.scenario(seed), trace),
                "  validate: " + ReplayCommands.validate(settings.validation(batch.pairing, trace)));
        return new GateOutcome(suite(), name(), passed, verdict, exit, null, null,
                java.time.Duration.ofNanos(System.nanoTime() - start), detail, 0, events, replay);
    }
}
