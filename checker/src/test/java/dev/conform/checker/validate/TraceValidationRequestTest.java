package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults, the sibling config, and settings that change one thing at a time. */
class TraceValidationRequestTest {
    static final Path SPEC = Path.of("specs/raft/TraceRaft.tla");
    static final Path TRACE = Path.of("run.ndjson");

    @Test
    void defaults() {
        TraceValidationRequest r = TraceValidationRequest.of(SPEC, TRACE);
        assertEquals(Path.of("specs/raft/TraceRaft.cfg"), r.config());
        assertEquals(List.of(), r.libraries());
        assertNull(r.tla2tools());
        assertNull(r.timeout());
        assertEquals(TraceValidationRequest.DEFAULT_SEGMENT, r.segmentSize());
        assertEquals(Runtime.getRuntime().availableProcessors(), r.parseThreads());
        r.progress().accept(1);
        assertNull(TraceValidationRequest.javaOnly(TRACE).config());
    }

    @Test
    void eachWithChangesOneSetting() {
        List<Long> seen = new ArrayList<>();
        TraceValidationRequest r = TraceValidationRequest.of(SPEC, TRACE)
                .withConfig(Path.of("Other.cfg"))
                .withLibraries(List.of(Path.of("lib")))
                .withTla2tools(Path.of("tla2tools.jar"))
                .withTimeout(Duration.ofSeconds(9))
                .withSegmentSize(7)
                .withParseThreads(2)
                .withProgress(seen::add);
        assertEquals(new TraceValidationRequest(SPEC, Path.of("Other.cfg"), TRACE, List.of(Path.of("lib")),
                Path.of("tla2tools.jar"), Duration.ofSeconds(9), 7, 2, r.progress(), false), r);
        assertEquals(true, r.withAllowEmpty(true).allowEmpty());
        r.progress().accept(5);
        assertEquals(List.of(5L), seen);
        assertEquals(Path.of("specs/raft/TraceRaft.cfg"), r.withConfig(null).config());
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        TraceValidationRequest r = TraceValidationRequest.of(SPEC, TRACE);
        assertThrows(IllegalArgumentException.class, () -> r.withSegmentSize(0));
        assertThrows(IllegalArgumentException.class, () -> r.withSegmentSize(TlcTraceValidator.MAX_SEGMENT + 1));
        assertThrows(IllegalArgumentException.class, () -> r.withParseThreads(0));
        assertThrows(IllegalArgumentException.class, () -> r.withTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new TlcTraceValidator().validate(
                TraceValidationRequest.javaOnly(TRACE)));
    }
}
