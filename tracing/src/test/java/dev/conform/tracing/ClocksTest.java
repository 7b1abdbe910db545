package dev.conform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clock rule every runtime records with and the causality check reads back. */
class ClocksTest {

    @Test
    void everyEventTicksAndADeliveryIsMaxPlusOne() {
        Clocks c = new Clocks(1, 2);
        c.tick(0);
        c.tick(0);
        long sendLamport = c.lamport(0);
        long[] sendVc = c.snapshot(0);
        c.tick(1);
        c.deliver(1, sendLamport, sendVc);
        assertEquals(3, c.lamport(1));
        assertEquals(Map.of(1, 2L, 2, 2L), c.clock(1).asMap());
        assertTrue(Clocks.deliveryAfterSend(sendLamport, c.lamport(1)));
        assertFalse(Clocks.deliveryAfterSend(3, 3));
        assertEquals(3, Clocks.nextOwnEntry(2));
    }

    @Test
    void aProcessLearnsPeersFromTheClocksTheySend() {
        Clocks c = new Clocks(5);
        c.tick(0);
        c.deliver(0, 7, VectorClock.of(Map.of(1001, 4L, 2, 3L)));
        assertEquals(8, c.lamport(0));
        assertEquals(Map.of(2, 3L, 5, 2L, 1001, 4L), c.clock(0).asMap());
        c.tick(0);
        assertEquals(Map.of(2, 3L, 5, 3L, 1001, 4L), c.clock(0).asMap());
    }
}
