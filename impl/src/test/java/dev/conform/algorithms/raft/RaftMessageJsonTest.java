package dev.conform.algorithms.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.runtime.net.Frame;
import dev.conform.runtime.net.FrameCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every message survives a JSON round trip and names its type as the spec does. */
class RaftMessageJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void roundTripsEveryMessage() throws Exception {
        for (RaftMessage m : ALL) {
            String text = json.writeValueAsString(m);
            assertTrue(text.contains("\"type\":\"" + m.getClass().getSimpleName() + "\""), text);
            assertEquals(m, json.readValue(text, RaftMessage.class), text);
        }
    }

    private static final List<RaftMessage> ALL = List.of(
            new RaftMessage.RequestVote(3, 7, 2),
            new RaftMessage.RequestVoteResponse(3, true),
            new RaftMessage.AppendEntries(3, 7, 2, List.of(new LogEntry(3, "101:1:put a b")), 5),
            new RaftMessage.AppendEntriesResponse(3, false, 4),
            new RaftMessage.InstallSnapshot(3, 7, 2, "{\"data\":{}}"),
            new RaftMessage.InstallSnapshotResponse(3, 7),
            new RaftMessage.ClientRequest(101, 9, "cas a - b"),
            new RaftMessage.ClientReply(9, false, null, 2));

    @Test
    void travelsThroughTheTcpFrameCodec() throws Exception {
        FrameCodec codec = new FrameCodec(new RaftAlgorithm().messageTypes());
        assertEquals(8, new RaftAlgorithm().messageTypes().size());
        for (RaftMessage m : ALL) {
            Frame f = new Frame(1, 1, 2, m.getClass().getSimpleName(), m, 3, Map.of(1, 3L));
            assertEquals(m, codec.decode(codec.encode(f)).body());
        }
    }

    @Test
    void appendEntriesBodyHasTheContractFields() throws Exception {
        String text = json.writeValueAsString(
            new RaftMessage.AppendEntries(1, 0, 0, List.of(new LogEntry(1, "v")), 0));
        assertEquals("{\"type\":\"AppendEntries\",\"term\":1,\"prevLogIndex\":0,\"prevLogTerm\":0,"
                + "\"entries\":[{\"term\":1,\"value\":\"v\"}],\"leaderCommit\":0}", text);
    }
}
