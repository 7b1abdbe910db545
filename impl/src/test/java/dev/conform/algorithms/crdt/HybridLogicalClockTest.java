package dev.conform.algorithms.crdt;

import dev.conform.runtime.prop.Arbitrary;
import dev.conform.runtime.prop.Gen;
import dev.conform.runtime.prop.Property;
import dev.conform.runtime.prop.Shrinker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HLC properties over random schedules on three nodes whose physical clocks are skewed by up to
 * {@value #MAX_SKEW} ticks: per-node monotonicity, happened-before implies a larger timestamp,
 * and the HLC stays within the skew of physical time.
 */
class HybridLogicalClockTest {
    static final int NODES = 3;
    static final int MAX_SKEW = 50;

    /** A schedule step: real time advances by {@code advance}; node {@code node} does a local event or sends to / receives from. */
    record Step(int node, int advance, int kind, int peer) {
    }

    record Schedule(int[] skew, List<Step> steps) {
        @Override
        public String toString() {
            return "skew=" + java.util.Arrays.toString(skew) + " steps=" + steps;
        }
    }

    static final Gen<Step> STEP = rnd -> new Step(rnd.nextInt(NODES), rnd.nextInt(3), rnd.nextInt(3), rnd.nextInt(NODES));
    static final Arbitrary<Schedule> SCHEDULES = new Arbitrary<>(
        rnd -> new Schedule(new int[] {rnd.nextInt(MAX_SKEW + 1), rnd.nextInt(MAX_SKEW + 1), rnd.nextInt(MAX_SKEW + 1)},
            Gen.listOf(STEP, 60).next(rnd)),
        s -> Shrinker.list(Shrinker.<Step>none()).candidates(s.steps()).stream()
            .map(l -> new Schedule(s.skew(), l)).toList());

    /** Runs a schedule; kind 0 local event, 1 send (queued to peer), 2 receive oldest queued message. */
    static boolean causalAndMonotonic(Schedule s) {
        HybridLogicalClock[] clocks = new HybridLogicalClock[NODES];
        List<List<Timestamp>> inbox = new ArrayList<>();
        Timestamp[] last = new Timestamp[NODES];
        for (int i = 0; i < NODES; i++) {
            clocks[i] = HybridLogicalClock.start();
            inbox.add(new ArrayList<>());
            last[i] = null;
        }
        long now = 0;
        for (Step st : s.steps()) {
            now += st.advance();
            int n = st.node();
            long physical = now + s.skew()[n];
            Timestamp before = last[n];
            Timestamp received = null;
            if (st.kind() == 2 && !inbox.get(n).isEmpty()) {
                received = inbox.get(n).remove(0);
                clocks[n] = clocks[n].receive(received, physical);
            } else {
                clocks[n] = clocks[n].tick(physical);
            }
            Timestamp ts = clocks[n].stamp(n);
            if (st.kind() == 1) {
                inbox.get(st.peer()).add(ts);
            }
            if (before != null && !ts.after(before)) {
                return false; // not monotonic
            }
            if (received != null && !(ts.wall() > received.wall()
                || (ts.wall() == received.wall() && ts.logical() > received.logical()))) {
                return false; // receive not after send
            }
            if (ts.wall() < physical || ts.wall() > now + MAX_SKEW) {
                return false; // drifted from physical time
            }
            last[n] = ts;
        }
        return true;
    }

    @Test
    void hlcIsMonotonicCausalAndBoundedUnderSkew() {
        Property.assertHolds("HLC under skew", 123L, 2_000, SCHEDULES, HybridLogicalClockTest::causalAndMonotonic);
    }

    @Test
    void receiveFromFastClockJumpsAhead() {
        HybridLogicalClock slow = HybridLogicalClock.start().tick(100);
        HybridLogicalClock after = slow.receive(new Timestamp(1000, 3, 1), 101);
        assertEquals(new HybridLogicalClock(1000, 4), after);
        assertEquals(new HybridLogicalClock(1000, 5), after.tick(102));
        assertEquals(new HybridLogicalClock(1001, 0), after.tick(1001));
    }
}
