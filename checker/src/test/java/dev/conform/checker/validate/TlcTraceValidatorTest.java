package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.validate.TlcValidation.ActionDiagnosis;
import dev.conform.checker.validate.TlcValidation.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real TLC on the PingCounter example: verdicts, divergence reports, segments, failing closed. */
@Tag("tlc")
@Tag("process")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TlcTraceValidatorTest {
    static final Path DIR = Path.of("src/test/resources/specs/pingcounter");
    static final Path SPEC = DIR.resolve("TracePingCounter.tla");
    static final Path CFG = DIR.resolve("TracePingCounter.cfg");

    static TraceValidationRequest request(String trace) {
        return TraceValidationRequest.of(SPEC, DIR.resolve("traces").resolve(trace));
    }

    static TlcValidation validate(TraceValidationRequest req) {
        return new TlcTraceValidator().validate(req);
    }

    static TlcValidation validate(String trace) {
        return validate(request(trace));
    }

    static ActionDiagnosis action(TlcValidation v, String name) {
        return v.divergence().actions().stream().filter(a -> a.action().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void goodTraceConforms() {
        TlcValidation v = validate("good-basic.ndjson");
        assertEquals(Outcome.CONFORMS, v.outcome(), v.message());
        assertEquals(10, v.events());
        assertEquals(1, v.segments());
    }

    @Test
    void sendAheadDivergesAtTheSendWithTheFailingConjunct() {
        TlcValidation v = validate("bad-send-ahead.ndjson");
        assertEquals(Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(5, v.divergence().event());
        assertEquals(6, v.divergence().line());
        assertTrue(v.divergence().eventJson().contains("\"val\":9"), v.divergence().eventJson());
        assertTrue(v.divergence().lastState().contains("count = <<1, 1>>"), v.divergence().lastState());
        ActionDiagnosis send = action(v, "IsSend");
        assertEquals(4, send.failedConjunct());
        assertEquals("/\\ e.msg.body.val = count[e.node]", send.conjunct());
        assertEquals(1, action(v, "IsInc").failedConjunct());
        assertFalse(send.enabled());
    }

    @Test
    void deliveryOfAMessageNeverSentDivergesAtTheDelivery() {
        TlcValidation v = validate("bad-deliver-unsent.ndjson");
        assertEquals(Outcome.DIVERGES, v.outcome());
        assertEquals(3, v.divergence().event());
        ActionDiagnosis d = action(v, "IsDeliver");
        assertEquals(3, d.failedConjunct());
        assertEquals("/\\ chan[e.node] # <<>>", d.conjunct());
    }

    @Test
    void counterGoingBackDivergesAtTheStateCheck() {
        TlcValidation v = validate("bad-count-regress.ndjson");
        assertEquals(Outcome.DIVERGES, v.outcome());
        assertEquals(5, v.divergence().event());
        assertEquals("/\\ count'[e.node] = e.state.count", action(v, "IsInc").conjunct());
    }

    @Test
    void aTraceWhereNothingWasDeliveredStillConformsToTheSpec() {
        // Only the Java "sometimes" expectation rejects it; the spec allows it.
        assertEquals(Outcome.CONFORMS, validate("good-never-exchanged.ndjson").outcome());
    }

    @Test
    void segmentsCarryTheStateAcrossBoundaries() {
        TlcValidation ok = validate(request("good-basic.ndjson").withSegmentSize(4));
        assertEquals(Outcome.CONFORMS, ok.outcome(), ok.message());
        assertEquals(3, ok.segments());
        // Event 5 is the first of the third segment: its check needs count from segment one.
        TlcValidation bad = validate(request("bad-send-ahead.ndjson").withSegmentSize(2));
        assertEquals(Outcome.DIVERGES, bad.outcome(), bad.message());
        assertEquals(5, bad.divergence().event());
        assertEquals(4, action(bad, "IsSend").failedConjunct());
    }

    @Test
    void anAlgorithmInvariantFailingAlongTheTraceIsReportedWithItsEvent() {
        TlcValidation v = validate(request("good-basic.ndjson").withConfig(DIR.resolve("TracePingCounterSmall.cfg")));
        assertEquals(Outcome.INVARIANT_VIOLATED, v.outcome(), v.message());
        assertEquals("SmallCounts", v.violatedInvariant());
        assertEquals(8, v.violationEvent());
        assertTrue(v.message().startsWith("invariant SmallCounts is violated after event 8: /\\ "), v.message());
        // The same from the third of several segments: the event counts from the file's start.
        TlcValidation seg = validate(request("good-basic.ndjson").withConfig(DIR.resolve("TracePingCounterSmall.cfg"))
                .withSegmentSize(3));
        assertEquals(Outcome.INVARIANT_VIOLATED, seg.outcome(), seg.message());
        assertEquals("SmallCounts", seg.violatedInvariant());
        assertEquals(8, seg.violationEvent());
    }

    @Test
    void timeoutIsAToolFailure() {
        TlcValidation v = validate(request("good-basic.ndjson").withTimeout(Duration.ofMillis(50)));
        assertEquals(Outcome.TOOL_FAILURE, v.outcome(), v.message());
    }

    @Test
    void aTlcThatCannotStartIsAToolFailure(@TempDir Path tmp) throws Exception {
        Path broken = tmp.resolve("tla2tools.jar");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(broken))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("tlc2/TLC.class"));
            zip.write("not a class".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        TlcValidation v = validate(request("good-basic.ndjson").withTla2tools(broken));
        assertEquals(Outcome.TOOL_FAILURE, v.outcome(), v.message());
    }

    @Test
    void aJarWithoutTlcIsBadInput(@TempDir Path tmp) throws Exception {
        Path notAJar = Files.writeString(tmp.resolve("tla2tools.jar"), "not a jar");
        TlcValidation v = validate(request("good-basic.ndjson").withTla2tools(notAJar));
        assertEquals(Outcome.BAD_INPUT, v.outcome(), v.message());
        assertTrue(v.message().contains("not a jar file"), v.message());
    }

    @Test
    void aSpecThatDoesNotParseNeverConforms(@TempDir Path tmp) throws Exception {
        for (String f : new String[] {"PingCounter.tla", "TracePingCounter.cfg"}) {
            Files.copy(DIR.resolve(f), tmp.resolve(f));
        }
        Files.writeString(tmp.resolve("TracePingCounter.tla"),
                Files.readString(SPEC).replace("TraceInit == TraceStart /\\ Init", "TraceInit == TraceStart /\\ Init /\\"));
        TlcValidation v = validate(TraceValidationRequest.of(tmp.resolve("TracePingCounter.tla"),
                DIR.resolve("traces/good-basic.ndjson")));
        assertEquals(Outcome.BAD_INPUT, v.outcome(), v.message());
        assertNotNull(v.message());
        assertTrue(v.message().contains(tmp.resolve("TracePingCounter.tla") + ":"), v.message());
    }

    @Test
    void aSpecPrintingAFakeEndMarkerOnADivergingTraceFailsClosed(@TempDir Path tmp) throws Exception {
        Files.copy(DIR.resolve("PingCounter.tla"), tmp.resolve("PingCounter.tla"));
        String spec = Files.readString(SPEC);
        int end = spec.lastIndexOf("====");
        end = spec.lastIndexOf('\n', end) + 1;
        Files.writeString(tmp.resolve("TracePingCounter.tla"), spec.substring(0, end)
                + "FakeEnd == PrintT(<<\"conform-end\", 7>>)\n" + spec.substring(end));
        Files.writeString(tmp.resolve("TracePingCounter.cfg"), Files.readString(CFG) + "\nCONSTRAINT FakeEnd\n");
        // 6 events; TLC matches events 1..4 only (search depth 5) yet the marker claims l = 7.
        TlcValidation v = validate(TraceValidationRequest.of(tmp.resolve("TracePingCounter.tla"),
                DIR.resolve("traces/bad-send-ahead.ndjson")));
        assertEquals(Outcome.TOOL_FAILURE, v.outcome(), v.message());
        assertTrue(v.message().contains("end marker"), v.message());
    }

    @Test
    void malformedTraceIsBadInputWithPosition(@TempDir Path tmp) throws Exception {
        Path t = Files.writeString(tmp.resolve("t.ndjson"),
                Files.readString(DIR.resolve("traces/good-basic.ndjson")).replace("\"seq\":3,", "\"seq\":3,,"));
        TlcValidation v = validate(TraceValidationRequest.of(SPEC, t));
        assertEquals(Outcome.BAD_INPUT, v.outcome());
        assertTrue(v.message().startsWith(t.toAbsolutePath().normalize() + ":4:"), v.message());
    }
}
