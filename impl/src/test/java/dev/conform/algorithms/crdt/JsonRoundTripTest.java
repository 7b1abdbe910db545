package dev.conform.algorithms.crdt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.runtime.prop.Property;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CRDT values, gossip messages and snapshots survive a trip through JSON unchanged. */
class JsonRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean roundTrips(Crdt<?> value) {
        try {
            String text = JSON.writeValueAsString(value);
            return JSON.readValue(text, Crdt.class).equals(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyCrdtRoundTripsPolymorphically() {
        for (CrdtModel<?> m : List.of(CrdtModel.G_COUNTER, CrdtModel.PN_COUNTER, CrdtModel.LWW_REGISTER,
            CrdtModel.LWW_MAP, CrdtModel.OR_SET)) {
            Property.assertHolds(m.name() + " json", 99L, 300, History.arbitrary(24),
                h -> h.replay(m).stream().allMatch(s -> roundTrips((Crdt<?>) s)));
        }
    }

    @Test
    void gCounterJsonShape() throws Exception {
        String text = JSON.writeValueAsString(GCounter.zero().increment(2, 3).increment(1, 1));
        assertEquals("{\"crdt\":\"g-counter\",\"counts\":{\"1\":1,\"2\":3}}", text);
    }

    @Test
    void messagesAndSnapshotsRoundTrip() throws Exception {
        TreeMap<Integer, Long> seen = new TreeMap<>();
        seen.put(1, 2L);
        LWWMap map = LWWMap.empty().put("k0", "v", new Timestamp(5, 1, 1));
        GossipMessage push = new GossipMessage.Push(map, new Timestamp(7, 0, 1), seen);
        String text = JSON.writeValueAsString(push);
        assertTrue(text.startsWith("{\"type\":\"Push\""), text);
        assertEquals(push, JSON.readValue(text, GossipMessage.class));
        GossipMessage reply = new GossipMessage.Reply(ORSet.empty().add(1, "x"), new Timestamp(8, 0, 2), seen);
        assertEquals(reply, JSON.readValue(JSON.writeValueAsString(reply), GossipMessage.class));
        WriteRecord w = new WriteRecord(1, 1, "k0", "v", new Timestamp(5, 1, 1), null, seen, true);
        ReplicaSnapshot snap = new ReplicaSnapshot(map, new Timestamp(5, 1, 1), seen, 1, w);
        assertEquals(snap, JSON.readValue(JSON.writeValueAsString(snap), ReplicaSnapshot.class));
    }
}
