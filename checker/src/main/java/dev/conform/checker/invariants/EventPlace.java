package dev.conform.checker.invariants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How every diagnostic names an event, on the Java and the TLC side alike: its number (1 is the
 * first event after the header), its line in the file (the header is line 1) and, when the trace
 * has them, its {@code seq}, so a reader can find it by whichever the producer's own log shows.
 */
public final class EventPlace {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPlace() {
    }

    /** {@code event 5 (line 6, seq 5)}; without the seq when it is negative, without the line when 0. */
    public static String of(long event, long line, long seq) {
        if (line <= 0) {
            return "event " + event;
        }
        return "event " + event + " (line " + line + (seq >= 0 ? ", seq " + seq : "") + ")";
    }

    /** The same, with the seq read from the event's line as the trace has it (-1 when it has none). */
    public static String of(long event, long line, String eventJson) {
        return of(event, line, seqOf(eventJson));
    }

    static long seqOf(String eventJson) {
        if (eventJson == null) {
            return -1;
        }
        try {
            JsonNode seq = JSON.readTree(eventJson).get("seq");
            return seq != null && seq.canConvertToLong() ? seq.asLong() : -1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            return -1;
        }
    }
}
