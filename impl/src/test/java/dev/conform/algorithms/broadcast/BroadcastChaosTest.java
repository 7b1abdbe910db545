package dev.conform.algorithms.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.shrink.ShrinkResult;
import dev.conform.runtime.shrink.Shrinker;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.Scenario;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.StopReason;
import dev.conform.tracing.TraceEvent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcast under random fault plans. Safety always: every node delivers each origin's values
 * once, in order, without gaps, across crashes and restarts. Liveness on reliable links: plans end
 * healed with every node restarted, so every value reaches everyone. A failure is shrunk and the
 * replay command is in the message. The teaching flaws must be caught by the same checks.
 */
class BroadcastChaosTest {
    private static final List<Integer> SERVERS = List.of(1, 2, 3, 4);
    private static final int SEEDS = Boolean.getBoolean("conform.soak") ? 500 : 25;

    @TempDir
    Path dir;

    static Scenario scenario(long seed, NetSemantics net, Options options) {
        FaultPlan plan = PlanGenerator.generate(seed, SERVERS, 300, Intensity.MEDIUM);
        SimConfig cfg = SimConfig.of(SERVERS.size(), seed).withNet(net).withMaxSteps(60_000)
                .withOptions(options.with("count", 4));
        return new Scenario(new BroadcastAlgorithm(), cfg, plan);
    }

    /** Null when the delivery order is right, else what went wrong. */
    static String safetyViolation(ListSink sink) {
        Map<String, Integer> next = new HashMap<>();
        for (TraceEvent e : sink.events) {
            if ("Deliver".equals(e.action())) {
                Map<?, ?> s = (Map<?, ?>) e.state();
                String key = e.node() + "<-" + s.get("origin");
                int seq = ((Number) s.get("seq")).intValue();
                int want = next.getOrDefault(key, 1);
                if (seq != want) {
                    return "node " + e.node() + " delivered seq " + seq + " of origin " + s.get("origin")
                            + " when " + want + " was due (event " + e.seq() + ")";
                }
                next.put(key, want + 1);
            }
        }
        return null;
    }

    static boolean unsafe(Scenario s) {
        ListSink sink = new ListSink();
        s.simulate(sink);
        return safetyViolation(sink) != null;
    }

    static boolean stuck(Scenario s) {
        RunResult r = s.simulate(null).result();
        return r.reason() != StopReason.STOP_CONDITION;
    }

    private void check(Scenario s, Predicate<Scenario> bad, String what) throws Exception {
        if (bad.test(s)) {
            ShrinkResult r = new Shrinker(bad).shrink(s);
            fail(what + "; minimal replay: " + r.writeReplay(dir.resolve("minimal-" + s.config().seed() + ".json")));
        }
    }

    @Test
    void safeUnderChaosOnBothNetworks() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            for (NetSemantics net : NetSemantics.values()) {
                check(scenario(seed, net, Options.empty()), BroadcastChaosTest::unsafe, "delivery order broken");
            }
        }
    }

    @Test
    void liveUnderChaosOnReliableLinks() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            check(scenario(seed, NetSemantics.RELIABLE, Options.empty()), BroadcastChaosTest::stuck,
                    "not every value reached every node");
        }
    }

    @Test
    void noRetransmitFlawIsCaughtOnAnUnreliableNetwork() {
        int caught = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SimConfig cfg = SimConfig.of(4, seed).withNet(NetSemantics.UNRELIABLE).withRates(30, 0).withMaxSteps(60_000)
                    .withOptions(Options.empty().with("count", 4));
            Scenario good = new Scenario(new BroadcastAlgorithm(), cfg, FaultPlan.none());
            assertTrue(!stuck(good), "the correct protocol finishes, seed " + seed);
            Scenario flawed = new Scenario(new BroadcastAlgorithm(),
                    cfg.withOptions(cfg.options().withFlaw(BroadcastAlgorithm.FLAW_NO_RETRANSMIT)), FaultPlan.none());
            caught += stuck(flawed) ? 1 : 0;
        }
        assertTrue(caught > 0, "some lost message goes unrepaired without retransmission");
    }

    @Test
    void noRelayFlawLosesAValueWhenItsOriginCrashesMidBroadcast() {
        // Links out of node 1 lose everything for a while, then node 1 crashes for good: only relays
        // could have carried its values, and without relaying nobody else ever gets them.
        FaultPlan plan = FaultPlan.of(
                new dev.conform.runtime.nemesis.FaultEvent.LinkFault(0, 1, 3, 100, 0, 0, 0, 0),
                new dev.conform.runtime.nemesis.FaultEvent.LinkFault(0, 1, 4, 100, 0, 0, 0, 0),
                new dev.conform.runtime.nemesis.FaultEvent.Crash(40, 1));
        SimConfig cfg = SimConfig.of(4, 3).withNet(NetSemantics.UNRELIABLE).withRates(0, 0).withMaxSteps(20_000)
                .withOptions(Options.empty().with("count", 2));
        int[] got = new int[2];
        for (int flawed = 0; flawed < 2; flawed++) {
            Options o = flawed == 1 ? cfg.options().withFlaw(BroadcastAlgorithm.FLAW_NO_RELAY) : cfg.options();
            var sim = new Scenario(new BroadcastAlgorithm(), cfg.withOptions(o), plan).simulate(null);
            got[flawed] = ((BroadcastNode) sim.node(3)).deliveredFrom(1);
        }
        assertEquals(2, got[0], "relays carry node 1's values to node 3");
        assertEquals(0, got[1], "without relays node 3 never hears of them");
    }
}
