package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.validate.TlcValidation.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Validations running at the same time (as a gate or several shells do) each get their own
 * generated modules and their own TLC temp folder, so none sees another's files: every one gets
 * the verdict it gets alone, and the spec folder is left as it was.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConcurrentValidationTest {
    @Test
    void concurrentValidationsDoNotInterfere() throws Exception {
        Set<String> before = listing(TlcTraceValidatorTest.DIR);
        String[] traces = {"good-basic.ndjson", "bad-send-ahead.ndjson", "good-basic.ndjson"};
        ExecutorService pool = Executors.newFixedThreadPool(traces.length);
        try {
            List<Future<TlcValidation>> results = new ArrayList<>();
            for (String t : traces) {
                results.add(pool.submit(() -> TlcTraceValidatorTest.validate(t)));
            }
            for (int i = 0; i < traces.length; i++) {
                TlcValidation v = results.get(i).get();
                Outcome expected = traces[i].startsWith("good") ? Outcome.CONFORMS : Outcome.DIVERGES;
                assertEquals(expected, v.outcome(), traces[i] + ": " + v.message());
                if (expected == Outcome.DIVERGES) {
                    assertEquals(5, v.divergence().event(), v.message());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before, listing(TlcTraceValidatorTest.DIR), "the spec folder changed");
        assertTrue(before.stream().noneMatch(f -> f.startsWith(GeneratedModules.TRACE) || f.startsWith(GeneratedModules.DIAG)),
                before.toString());
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new java.util.TreeSet<>(s.map(p -> dir.relativize(p).toString()).toList());
        }
    }
}
