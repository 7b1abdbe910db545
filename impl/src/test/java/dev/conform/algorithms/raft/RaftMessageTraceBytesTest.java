package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.io.NdjsonSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Raft messages and the persisted record are written by the trace sink's direct path; their
 * bytes must stay exactly what Jackson writes (with the {@code "type"} id of the message family),
 * so traces did not change when they stopped going through the ObjectMapper.
 */
class RaftMessageTraceBytesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyMessageTypeIsWrittenAsJacksonWritesIt() throws Exception {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            Object m = random(rnd, i % 9);
            assertEquals(new String(MAPPER.writeValueAsBytes(m), StandardCharsets.UTF_8), body(m), m.toString());
        }
    }

    private static Object random(SplittableRandom rnd, int kind) {
        long t = rnd.nextLong(0, 1L << 40);
        return switch (kind) {
            case 0 -> new RaftMessage.RequestVote(t, rnd.nextLong(100), rnd.nextLong(100));
            case 1 -> new RaftMessage.RequestVoteResponse(t, rnd.nextBoolean());
            case 2 -> new RaftMessage.AppendEntries(t, rnd.nextLong(100), rnd.nextLong(100), entries(rnd),
                    rnd.nextLong(100));
            case 3 -> new RaftMessage.AppendEntriesResponse(t, rnd.nextBoolean(), rnd.nextLong(100));
            case 4 -> new RaftMessage.InstallSnapshot(t, rnd.nextLong(100), rnd.nextLong(100),
                    rnd.nextBoolean() ? null : "{\"data\":{\"k\":\"v\\n\u00e9\"}}");
            case 5 -> new RaftMessage.InstallSnapshotResponse(t, rnd.nextLong(100));
            case 6 -> new RaftMessage.ClientRequest(rnd.nextInt(200), t, "put k" + rnd.nextInt(9) + " \"x\"");
            case 7 -> new RaftMessage.ClientReply(t, rnd.nextBoolean(), rnd.nextBoolean() ? null : "v\t" + t,
                    rnd.nextInt(6));
            default -> new RaftPersistentState(t, rnd.nextInt(6), rnd.nextLong(50), rnd.nextLong(5),
                    rnd.nextBoolean() ? null : "{}", entries(rnd));
        };
    }

    private static List<LogEntry> entries(SplittableRandom rnd) {
        List<LogEntry> es = new ArrayList<>();
        for (int k = rnd.nextInt(6); k > 0; k--) {
            es.add(new LogEntry(rnd.nextLong(9), "101:" + k + ":put k1 c\u4e2d" + (char) rnd.nextInt(0x20, 0x3000)));
        }
        return es;
    }

    /** The JSON the sink writes as a message body. */
    private static String body(Object m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (NdjsonSink sink = new NdjsonSink(out)) {
            sink.header(new TraceHeader(1, "raft", List.of(1), null, null, "p", Map.of()));
            sink.event(new TraceEvent(0, 1, EventKind.SEND, null, new TraceMessage(1, 1, 1, "M", m), null, -1, null));
        }
        String line = out.toString(StandardCharsets.UTF_8).split("\n")[1];
        String prefix = "{\"seq\":0,\"node\":1,\"kind\":\"send\",\"msg\":{\"id\":1,\"from\":1,\"to\":1,\"type\":\"M\",\"body\":";
        assertEquals(prefix, line.substring(0, prefix.length()), line);
        return line.substring(prefix.length(), line.length() - 2);
    }
}
