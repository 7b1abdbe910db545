package dev.conform.checker.validate;

import dev.conform.checker.invariants.example.PingCounterTraces;
import dev.conform.checker.validate.TlcValidation.Outcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many traces in few TLC runs, with the verdict each would get alone. */
@Tag("tlc")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BatchValidatorTest {
    static final Path DIR = Path.of("src/test/resources/specs/pingcounter");

    static TraceValidationRequest req(Path trace) {
        return TraceValidationRequest.of(DIR.resolve("TracePingCounter.tla"), trace).withSegmentSize(400);
    }

    @Test
    void eachTraceGetsTheVerdictItWouldGetAlone(@TempDir Path tmp) throws Exception {
        List<Path> traces = new ArrayList<>();
        for (int seed = 1; seed <= 6; seed++) {
            Path t = tmp.resolve("good-" + seed + ".ndjson");
            PingCounterTraces.write(t, 60 + 10 * seed, seed);
            traces.add(t);
        }
        // the third trace lies about a counter, the fifth delivers a message never sent
        corrupt(traces.get(2));
        Path unsent = tmp.resolve("bad-unsent.ndjson");
        Files.copy(DIR.resolve("traces/bad-deliver-unsent.ndjson"), unsent);
        traces.add(4, unsent);
        List<TraceValidationRequest> reqs = traces.stream().map(BatchValidatorTest::req).toList();
        List<TlcValidation> batch = new BatchValidator().validateAll(reqs);
        assertEquals(traces.size(), batch.size());
        for (int i = 0; i < traces.size(); i++) {
            TlcValidation alone = new TlcTraceValidator().validate(reqs.get(i));
            assertEquals(alone.outcome(), batch.get(i).outcome(), traces.get(i) + ": " + batch.get(i).message());
            if (alone.divergence() != null) {
                assertEquals(alone.divergence().event(), batch.get(i).divergence().event());
            }
        }
        assertEquals(Outcome.DIVERGES, batch.get(2).outcome());
        assertEquals(Outcome.DIVERGES, batch.get(4).outcome());
        assertTrue(batch.get(0).message().contains("of a batch of"), batch.get(0).message());
        // the good traces before the first bad one were matched in one TLC run
        assertEquals(batch.get(0).commandLines(), batch.get(1).commandLines());
    }

    @Test
    void afterEnoughFailuresTheRestIsLeftUnvalidated(@TempDir Path tmp) throws Exception {
        List<Path> traces = new ArrayList<>();
        for (int seed = 1; seed <= 5; seed++) {
            Path t = tmp.resolve("t-" + seed + ".ndjson");
            PingCounterTraces.write(t, 40 + 10 * seed, seed);
            if (seed == 2 || seed == 4) {
                corrupt(t);
            }
            traces.add(t);
        }
        List<TraceValidationRequest> reqs = traces.stream().map(BatchValidatorTest::req).toList();
        List<TlcValidation> v = new BatchValidator().validateAll(reqs, 1);
        assertEquals(5, v.size());
        assertEquals(Outcome.CONFORMS, v.get(0).outcome());
        assertEquals(Outcome.DIVERGES, v.get(1).outcome());
        for (int i = 2; i < 5; i++) {
            assertNull(v.get(i), "trace " + (i + 1) + " comes after the one failure allowed: not validated");
        }
        List<TlcValidation> two = new BatchValidator().validateAll(reqs, 2);
        assertEquals(Outcome.CONFORMS, two.get(2).outcome());
        assertEquals(Outcome.DIVERGES, two.get(3).outcome());
        assertNull(two.get(4));
    }

    /** Sets the counter of an Inc action in the second half of the trace to an impossible value. */
    private static void corrupt(Path trace) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(trace));
        for (int i = lines.size() / 2; i < lines.size(); i++) {
            if (lines.get(i).contains("\"action\":\"Inc\"")) {
                lines.set(i, lines.get(i).replaceAll("\"count\":\\d+", "\"count\":999"));
                break;
            }
        }
        Files.write(trace, lines);
    }
}
