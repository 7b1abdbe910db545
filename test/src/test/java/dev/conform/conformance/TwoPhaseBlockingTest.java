package dev.conform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.tlc.TlcRequest;
import dev.conform.checker.tlc.TlcResult;
import dev.conform.checker.tlc.TlcRunner;
import dev.conform.checker.tlc.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * The book's lesson on two-phase commit, asserted with real TLC: when the coordinator may crash
 * and never return, "every participant eventually decides" does not hold, and TLC shows a
 * behaviour where participants wait forever. {@code specs/twopc/expected.json} records the same
 * expectation for the gate.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TwoPhaseBlockingTest {
    private static final Path DIR = Path.of("..", "specs", "twopc");

    @Test
    void everyoneDecidesIsViolatedWhenTheCoordinatorNeverReturns() {
        TlcResult r = new TlcRunner().run(TlcRequest.builder(DIR.resolve("MCTwoPhase.tla"))
                .config(DIR.resolve("MCTwoPhaseLive.cfg"))
                .workers(2)
                .timeout(Duration.ofMinutes(5))
                .build());
        assertEquals(Verdict.PROPERTY_VIOLATED, r.verdict(), r.message());
        assertEquals("EveryoneDecides", r.violatedName());
        assertNotNull(r.counterexample());
        assertTrue(r.counterexample().states().size() >= 2, "a behaviour that blocks");
        // The lesson, printed: the steps of the blocking behaviour.
        r.counterexample().states().forEach(s -> System.out.println(s.number() + ": " + s.action()));
    }
}
