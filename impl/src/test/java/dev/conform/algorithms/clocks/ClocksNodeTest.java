package dev.conform.algorithms.clocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.EffectLog;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One clocks node driven by hand: its schedule of events, ticking, merging and restarting. */
class ClocksNodeTest {
    private static final List<Integer> SERVERS = List.of(1, 2, 3);
    private final Options opts = new ClocksAlgorithm().resolveOptions(Options.empty(), 1);

    private static ClocksNode node(int id, ClockState saved, Options o) {
        return (ClocksNode) new ClocksAlgorithm().create(id, SERVERS, saved, o);
    }

    @Test
    void optionsAreResolvedIntoTheHeader() {
        assertEquals(Map.of("events", "6", "every", "5"), opts.values());
    }

    @Test
    void eventsFollowTheDeterministicSchedule() {
        // Node 2: event e sends when (e + 2) mod 3 != 0, to position (1 + e) mod 3, or the next when that is node 2.
        ClocksNode n = node(2, null, opts);
        List<Integer> targets = new ArrayList<>();
        for (int e = 1; e <= 6; e++) {
            targets.add(n.target(e));
        }
        assertEquals(List.of(0, 1, 3, 0, 1, 3), targets);
        // Node 1 (position 0): event 3 would go to position 0, itself, so to position 1.
        assertEquals(2, node(1, null, opts).target(3));
    }

    @Test
    void eachEventTicksBothClocksAndASendCarriesTheStateAfterIt() {
        ClocksNode n = node(1, null, opts);
        EffectLog<Tick> ctx = new EffectLog<>(1, SERVERS);
        ctx.start(n);
        ctx.fire(n, ClocksNode.EVENT); // event 1 of node 1: (1 + 1) mod 3 != 0, a send to position 1
        ClockState after = new ClockState(1, Map.of("1", 1, "2", 0, "3", 0), 1);
        assertEquals(List.of("Send"), ctx.actionNames());
        assertEquals(after, ctx.actions.get(0).state());
        assertEquals(List.of(new Tick(1, after.vc())), ctx.sentTo(2));
        assertEquals(after, ctx.persisted);
        assertTrue(ctx.first("action Send") < ctx.first("send"), "the action is recorded before its send");
        ctx.fire(n, ClocksNode.EVENT); // event 2: (2 + 1) mod 3 == 0, local
        assertEquals(List.of("Send", "Local"), ctx.actionNames());
        assertEquals(new ClockState(2, Map.of("1", 2, "2", 0, "3", 0), 2), ctx.persisted);
    }

    @Test
    void receiveMergesTheStampAndTicksItsOwnEntry() {
        ClocksNode n = node(3, new ClockState(2, Map.of("1", 0, "2", 0, "3", 2), 2), opts);
        EffectLog<Tick> ctx = new EffectLog<>(3, SERVERS);
        ctx.deliver(n, 1, new Tick(5, Map.of("1", 4, "2", 1, "3", 0)));
        assertEquals(new ClockState(6, Map.of("1", 4, "2", 1, "3", 3), 2), ctx.actions.get(0).state());
        assertEquals(List.of("Receive"), ctx.actionNames());
        assertEquals(ctx.actions.get(0).state(), ctx.persisted, "a receive persists its clocks too");
    }

    @Test
    void noMergeFlawTicksWithoutLookingAtTheStamp() {
        ClocksNode n = node(3, new ClockState(2, Map.of("1", 0, "2", 0, "3", 2), 2),
                opts.withFlaw(ClocksAlgorithm.FLAW_NO_MERGE));
        EffectLog<Tick> ctx = new EffectLog<>(3, SERVERS);
        ctx.deliver(n, 1, new Tick(5, Map.of("1", 4, "2", 1, "3", 0)));
        assertEquals(new ClockState(3, Map.of("1", 0, "2", 0, "3", 3), 2), ctx.actions.get(0).state());
    }

    @Test
    void aRestartedNodeContinuesItsBudgetFromThePersistedClocks() {
        ClocksNode n = node(1, new ClockState(9, Map.of("1", 6, "2", 3, "3", 1), 6), opts);
        EffectLog<Tick> ctx = new EffectLog<>(1, SERVERS);
        ctx.start(n);
        assertTrue(ctx.timers.isEmpty(), "all six events done before the crash");
        ClocksNode m = node(1, new ClockState(9, Map.of("1", 6, "2", 3, "3", 1), 5), opts);
        ctx.start(m);
        ctx.fire(m, ClocksNode.EVENT);
        assertEquals(new ClockState(10, Map.of("1", 7, "2", 3, "3", 1), 6), ctx.persisted);
    }
}
