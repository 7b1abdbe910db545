package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.validate.TlcValidation.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace whose every event TLC matches, but which ends where its spec's TraceEndCondition does
 * not hold (here: a two-phase commit trace cut after a delivery, before its handler), does not
 * conform: rejected at its last event, never a tool failure and never a pass; alone and in a batch.
 */
@Tag("tlc")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EndConditionTest {
    static final Path DIR = Path.of("../specs/twopc");

    @Test
    void aTraceCutBeforeAHandlerIsRejectedAtItsLastEvent(@TempDir Path tmp) throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve("traces/good-commit.ndjson"));
        int deliver = 1;
        while (!lines.get(deliver).contains("\"kind\":\"deliver\"")) {
            deliver++;
        }
        Path cut = tmp.resolve("cut.ndjson");
        Files.write(cut, lines.subList(0, deliver + 1));
        TraceValidationRequest req = TraceValidationRequest.of(DIR.resolve("TraceTwoPhase.tla"), cut);
        TlcValidation v = new TlcTraceValidator().validate(req);
        assertEquals(Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(deliver, v.divergence().event());
        assertTrue(v.message().contains("end condition"), v.message());
        Path good = tmp.resolve("good.ndjson");
        Files.copy(DIR.resolve("traces/good-commit.ndjson"), good);
        List<TlcValidation> batch = new BatchValidator().validateAll(
                List.of(TraceValidationRequest.of(DIR.resolve("TraceTwoPhase.tla"), good), req));
        assertEquals(Outcome.CONFORMS, batch.get(0).outcome(), batch.get(0).message());
        assertEquals(Outcome.DIVERGES, batch.get(1).outcome(), batch.get(1).message());
    }
}
