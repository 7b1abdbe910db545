package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.example.PingCounterTraces;
import dev.conform.checker.validate.TlcValidation.Outcome;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces longer than one TLC segment. The default run uses a small segment size; the 70,000-event
 * trace (longer than TLC's 32,767-step behaviour) is tagged soak: it runs with mvn -Psoak.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LongTraceTest {
    static final Path DIR = Path.of("src/test/resources/specs/pingcounter");

    static TlcValidation validate(Path trace, int segment) {
        return new TlcTraceValidator().validate(TraceValidationRequest.of(DIR.resolve("TracePingCounter.tla"), trace)
                .withSegmentSize(segment));
    }

    @Test
    void generatedTraceConformsAcrossSegmentsAndACorruptedOneDivergesAtTheCorruption(@TempDir Path tmp) throws Exception {
        Path good = tmp.resolve("good.ndjson");
        PingCounterTraces.write(good, 600, 7);
        TlcValidation ok = validate(good, 250);
        assertEquals(Outcome.CONFORMS, ok.outcome(), ok.message());
        assertEquals(3, ok.segments());
        try (TraceReader r = TraceReader.open(good)) {
            var set = InvariantRegistry.find("pingcounter-fifo").orElseThrow();
            assertEquals(true, new ReplayEngine().replay(EventSource.of(r), set).conforms());
        }
        // Corrupt the recorded counter of one Inc event in the second segment (event 400 or later).
        List<String> lines = Files.readAllLines(good);
        int at = 401;
        while (!lines.get(at).contains("\"action\":\"Inc\"")) {
            at++;
        }
        lines.set(at, lines.get(at).replaceFirst("\"count\":(\\d+)", "\"count\":999999"));
        Path bad = Files.write(tmp.resolve("bad.ndjson"), lines);
        TlcValidation v = validate(bad, 250);
        assertEquals(Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(at, v.divergence().event()); // line at+1 holds event at
        assertEquals(at + 1, v.divergence().line());
    }

    @Test
    @Tag("soak")
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void seventyThousandEventsAreValidatedInSegments(@TempDir Path tmp) {
        Path t = tmp.resolve("long.ndjson");
        PingCounterTraces.write(t, 70_000, 11);
        TlcValidation v = validate(t, 30_000);
        assertEquals(Outcome.CONFORMS, v.outcome(), v.message());
        assertEquals(3, v.segments());
    }
}
