package dev.conform.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A handler's effects take place in the runtime's order, whatever order the handler asked in. */
class EffectBufferTest {

    /** Notes every commit step; sends and timers carry their call-order number. */
    private static final class Log extends EffectBuffer<String> implements EffectTarget<String> {
        final List<String> steps = new ArrayList<>();

        @Override
        public int self() {
            return 1;
        }

        @Override
        public List<Integer> nodes() {
            return List.of(1, 2, 3);
        }

        @Override
        public long localTime() {
            return 0;
        }

        @Override
        public boolean tracing() {
            return true;
        }

        @Override
        public void recordAction(String name, Object state) {
            steps.add("record action " + name);
        }

        @Override
        public Object recordSend(int to, String msg) {
            steps.add("record send " + msg + " to " + to);
            return to == 3 ? null : msg + "->" + to; // node 3 is unreachable: lost when recorded
        }

        @Override
        public long timerTicks(String name, long minTicks, long maxTicks) {
            steps.add("draw " + name);
            return maxTicks;
        }

        @Override
        public void recorded() {
            steps.add("recorded");
        }

        @Override
        public void makeDurable(Object state) {
            steps.add("persist " + state);
        }

        @Override
        public void transmit(Object sent) {
            steps.add("transmit " + sent);
        }

        @Override
        public void arm(String name, long ticks) {
            steps.add("arm " + name + " " + ticks);
        }

        @Override
        public void cancel(String name) {
            steps.add("cancel " + name);
        }
    }

    @Test
    void recordThenPersistThenSendAndArmInCallOrder() {
        Log ctx = new Log();
        ctx.send(2, "a");
        ctx.setTimer("t", 1, 5);
        ctx.action("X", null);
        ctx.broadcast("b");
        ctx.cancelTimer("u");
        ctx.persist("s1");
        ctx.persist("s2");
        assertTrue(ctx.steps.isEmpty(), "nothing happens while the handler runs");
        ctx.commit(ctx);
        assertEquals(List.of(
                "record send a to 2", "draw t", "record action X", "record send b to 2", "record send b to 3",
                "recorded",
                "persist s2",
                "transmit a->2", "arm t 5", "transmit b->2", "cancel u"), ctx.steps);
        assertTrue(ctx.empty());
    }

    @Test
    void aHandlerThatAsksNothingCommitsNothing() {
        Log ctx = new Log();
        ctx.commit(ctx);
        assertEquals(List.of(), ctx.steps);
    }

    @Test
    void badRequestsFailInTheHandler() {
        Log ctx = new Log();
        assertThrows(IllegalArgumentException.class, () -> ctx.send(2, null));
        assertThrows(IllegalArgumentException.class, () -> ctx.setTimer("t", 0, 3));
        assertThrows(IllegalArgumentException.class, () -> ctx.setTimer("t", 4, 3));
        assertTrue(ctx.empty());
    }
}
