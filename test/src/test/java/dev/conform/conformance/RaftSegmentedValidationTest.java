package dev.conform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.validate.TlcTraceValidator;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.TlcValidation;
import dev.conform.checker.validate.TlcValidation.Outcome;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import java.util.concurrent.TimeUnit;

/**
 * A Raft chaos trace validated in small segments: each segment starts from the end state TLC
 * printed for the previous one, and TraceRaft keeps in the network only the messages a later
 * event needs, looking past the segment (a message sent in one segment and delivered in the
 * next must survive the boundary). A corrupted event in the second segment is still found.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class RaftSegmentedValidationTest {
    static final int SEGMENT = 150;

    static TlcValidation validate(Path trace) {
        Path dir = RaftRuns.specs();
        return new TlcTraceValidator().validate(TraceValidationRequest.of(dir.resolve("TraceRaft.tla"), trace)
                .withSegmentSize(SEGMENT).withTimeout(Duration.ofMinutes(5)));
    }

    @Test
    void aSegmentedTraceConformsAndACorruptionInTheSecondSegmentIsFoundAtItsEvent(@TempDir Path tmp)
            throws Exception {
        Path good = RaftRuns.write(RaftRuns.chaos(3, "medium", 2_000), tmp.resolve("good.ndjson"));
        List<TraceEvent> events = read(good);
        assertTrue(events.size() > 2 * SEGMENT, "the trace spans at least three segments: " + events.size());
        assertTrue(crossesBoundary(events), "sometimes: a message sent in one segment is delivered in a later one");

        TlcValidation ok = validate(good);
        assertEquals(Outcome.CONFORMS, ok.outcome(), ok.message() + " " + ok.divergence());
        assertEquals((events.size() + SEGMENT - 1) / SEGMENT, ok.segments());

        // Corrupt the term recorded by the first action in the second segment that records one.
        List<String> lines = Files.readAllLines(good);
        int event = SEGMENT + 1;
        while (!(lines.get(event).contains("\"kind\":\"action\"") && lines.get(event).contains("\"currentTerm\":"))) {
            event++;
        }
        assertTrue(event <= 2 * SEGMENT, "an action in the second segment: " + event);
        lines.set(event, lines.get(event).replaceFirst("\"currentTerm\":(\\d+)", "\"currentTerm\":999"));
        Path bad = Files.write(tmp.resolve("bad.ndjson"), lines);
        TlcValidation v = validate(bad);
        assertEquals(Outcome.DIVERGES, v.outcome(), v.message());
        assertEquals(event, v.divergence().event(), v.message()); // line event+1 holds event number `event`
        assertTrue(v.divergence().eventJson().contains("\"currentTerm\":999"), v.divergence().toString());
        assertTrue(v.divergence().actions().stream().anyMatch(a -> a.action().equals("IsHandleAppendEntries")
                && !a.enabled()), v.divergence().toString());
    }

    /**
     * A delivery that is the last event of a segment and handled only after another node's send in
     * the next one (an interleaving the simulator does not produce, other recorders may): the
     * next segment does not read the delivery, and must still keep the message in the network
     * until the node's first delivery in it. The hand-written good trace with a second heartbeat
     * from node 1 sent right after node 3 receives the first one.
     */
    @Test
    void aMessageDeliveredJustBeforeASegmentIsStillThereForItsHandler(@TempDir Path tmp) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(RaftRuns.specs().resolve(
                "traces/good-elect-replicate-commit.ndjson")));
        assertTrue(lines.get(15).contains("\"kind\":\"deliver\"") && lines.get(15).contains("\"to\":3"), lines.get(15));
        assertTrue(lines.get(16).contains("\"node\":3,\"kind\":\"action\""), lines.get(16));
        lines.add(16, lines.get(13).replace("\"id\":4,", "\"id\":900,")); // node 1 sends its heartbeat to 2 again
        for (int i = 1; i < lines.size(); i++) {
            lines.set(i, lines.get(i).replaceFirst("^\\{\"seq\":\\d+,", "{\"seq\":" + i + ","));
        }
        Path trace = Files.write(tmp.resolve("interleaved.ndjson"), lines);
        Path dir = RaftRuns.specs();
        TlcValidation v = new TlcTraceValidator().validate(TraceValidationRequest.of(dir.resolve("TraceRaft.tla"), trace)
                .withSegmentSize(15).withTimeout(Duration.ofMinutes(5)));
        assertEquals(Outcome.CONFORMS, v.outcome(), v.message() + " " + v.divergence());
        assertEquals(3, v.segments());
        TlcValidation whole = validate(trace);
        assertEquals(Outcome.CONFORMS, whole.outcome(), whole.message() + " " + whole.divergence());
    }

    static List<TraceEvent> read(Path trace) {
        List<TraceEvent> out = new java.util.ArrayList<>();
        try (TraceReader r = TraceReader.open(trace)) {
            for (TraceEvent e = r.next(); e != null; e = r.next()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Whether some message is sent in one segment and delivered in a later one. */
    static boolean crossesBoundary(List<TraceEvent> events) {
        Map<Long, Integer> sentIn = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e.msg() == null) {
                continue;
            }
            int segment = i / SEGMENT;
            if (e.kind() == EventKind.SEND) {
                sentIn.putIfAbsent(e.msg().id(), segment);
            } else if (e.kind() == EventKind.DELIVER && sentIn.getOrDefault(e.msg().id(), segment) < segment) {
                return true;
            }
        }
        return false;
    }
}
