package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pbft.byzantine.PbftAdversary;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.Verdicts;
import dev.conform.runtime.nemesis.ByzantineFaults;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PBFT with a Byzantine replica: the correct algorithm keeps every Java invariant whatever the
 * adversary does (each behaviour alone, and chaos plans that mix Byzantine replicas with
 * crashes, partitions, loss and skew), and each teaching flaw is caught by chaos and the Java
 * invariants once a Byzantine replica with the matching behaviour exploits it.
 */
class PbftByzantineChaosTest {
    static ListSink run(long seed, Options options, FaultPlan plan) {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(PbftRuns.SERVERS.size(), seed).withNet(NetSemantics.UNRELIABLE)
                .withMaxSteps(PbftRuns.STEPS).withOptions(options);
        new Simulator<>(new PbftAlgorithm(), cfg, plan, sink).run();
        return sink;
    }

    static List<String> behaviours() {
        return PbftAdversary.BEHAVIOURS.stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("behaviours")
    void eachBehaviourAloneKeepsTheInvariants(String behaviour) {
        for (long seed = 1; seed <= 3; seed++) {
            int node = (int) (seed % 4) + 1; // the primary of view 0 (node 1) among them
            FaultPlan plan = FaultPlan.of(new FaultEvent.Byzantine(0, node, List.of(behaviour)));
            ReplayResult v = Verdicts.judge(run(seed, PbftRuns.OPTIONS, plan));
            assertTrue(v.conforms(), behaviour + " at node " + node + ", seed " + seed + ": " + Verdicts.describe(v));
        }
    }

    @Test
    void mixedChaosPlansKeepTheInvariants() {
        int byzantine = 0;
        List<String> failures = new ArrayList<>();
        for (long seed = 1; seed <= 12; seed++) {
            FaultPlan plan = PlanGenerator.generate(seed, PbftRuns.SERVERS, PbftRuns.HORIZON, Intensity.HIGH,
                    new PbftAlgorithm(), PbftRuns.OPTIONS);
            boolean mixed = plan.events().stream().anyMatch(e -> e instanceof FaultEvent.Byzantine);
            byzantine += mixed ? 1 : 0;
            ReplayResult v = Verdicts.judge(run(seed, PbftRuns.OPTIONS, plan));
            if (!v.conforms()) {
                failures.add("seed " + seed + ": " + Verdicts.describe(v) + "\n  ./conform run pbft --seed " + seed
                        + " --chaos high --horizon " + PbftRuns.HORIZON + " --steps " + PbftRuns.STEPS
                        + " --option clients=2 --option ops=6");
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(byzantine >= 3, byzantine + " of 12 plans had a Byzantine replica");
    }

    /** A flaw, the plan that exploits it, and the invariants that may catch it. */
    record Exploit(PbftFlaw flaw, Set<String> invariants, FaultEvent... events) {
    }

    static List<Exploit> exploits() {
        return List.of(
                new Exploit(PbftFlaw.NO_DIGEST_CHECK, Set.of("DigestChecked", "Agreement"),
                        new FaultEvent.Byzantine(0, 1, List.of(PbftAdversary.WRONG_DIGEST))),
                new Exploit(PbftFlaw.UNCHECKED_NEW_VIEW, Set.of("NewViewChecked", "Agreement"),
                        new FaultEvent.Byzantine(0, 2, List.of(PbftAdversary.LYING_VIEW_CHANGE)),
                        new FaultEvent.Crash(150, 1), new FaultEvent.Restart(900, 1)),
                new Exploit(PbftFlaw.PREPARED_2F, Set.of("PreparedCertificate", "Agreement"),
                        new FaultEvent.Byzantine(0, 1, List.of(PbftAdversary.EQUIVOCATE))),
                new Exploit(PbftFlaw.REPLY_F, Set.of("ReplyQuorum", "ClientLinearity"),
                        new FaultEvent.Byzantine(0, 2, List.of(PbftAdversary.WRONG_REPLY))));
    }

    @ParameterizedTest
    @MethodSource("exploits")
    void eachFlawIsCaughtWhenAByzantineReplicaExploitsIt(Exploit x) {
        int caught = 0;
        for (long seed = 1; seed <= 6 && caught == 0; seed++) {
            FaultEvent.Byzantine b = (FaultEvent.Byzantine) x.events()[0];
            assertEquals(List.of(PbftAdversary.EXPLOITS.get(x.flaw().flawName())), b.behaviours(), "the exploit of " + x.flaw());
            ReplayResult v = Verdicts.judge(run(seed, PbftRuns.OPTIONS.withFlaw(x.flaw().flawName()), FaultPlan.of(x.events())));
            if (v.conforms()) {
                continue;
            }
            assertTrue(x.invariants().contains(v.failure().invariant()), x.flaw() + " at seed " + seed + " broke "
                    + v.failure().invariant() + ": " + v.failure().message());
            caught++;
        }
        assertEquals(1, caught, x.flaw().flawName() + " not caught in 6 seeds");
    }

    @Test
    void aFlawedRunsChaosPlansDrawOnlyTheExploitingBehaviour() {
        for (PbftFlaw flaw : PbftFlaw.values()) {
            Options o = PbftRuns.OPTIONS.withFlaw(flaw.flawName());
            assertEquals(List.of(PbftAdversary.EXPLOITS.get(flaw.flawName())),
                    new PbftAlgorithm().byzantineChaos(PbftRuns.SERVERS, o).behaviours());
        }
        assertEquals(PbftAdversary.BEHAVIOURS.stream().sorted().toList(),
                new PbftAlgorithm().byzantineChaos(PbftRuns.SERVERS, PbftRuns.OPTIONS).behaviours());
    }

    @Test
    void byzantineFalseGivesCrashOnlyChaosAndTheHeaderRecordsIt() {
        Options off = PbftRuns.OPTIONS.with(ByzantineFaults.OPTION, "false");
        PbftAlgorithm pbft = new PbftAlgorithm();
        assertEquals("false", pbft.resolveOptions(off, 7).values().get(ByzantineFaults.OPTION));
        assertEquals("true", pbft.resolveOptions(PbftRuns.OPTIONS, 7).values().get(ByzantineFaults.OPTION));
        int mixed = 0;
        for (long seed = 1; seed <= 12; seed++) {
            FaultPlan crashOnly = PbftRuns.plan(seed, off);
            assertTrue(crashOnly.events().stream().noneMatch(e -> e instanceof FaultEvent.Byzantine), "seed " + seed);
            assertEquals(PlanGenerator.generate(seed, PbftRuns.SERVERS, PbftRuns.HORIZON, Intensity.HIGH), crashOnly);
            mixed += PbftRuns.plan(seed, PbftRuns.OPTIONS).size() > crashOnly.size() ? 1 : 0;
        }
        assertTrue(mixed > 0, "by default some of the same seeds draw Byzantine replicas");
        ListSink sink = new ListSink();
        PbftRuns.run(3, off, sink);
        assertEquals("false", ((java.util.Map<?, ?>) sink.header.params().get("options")).get(ByzantineFaults.OPTION));
    }

    /** Per seq, the digests honest replicas (not {@code byzantine}) recorded committed-local, in any view. */
    static java.util.Map<String, Set<String>> committedDigests(ListSink sink, int byzantine) {
        java.util.Map<String, Set<String>> out = new java.util.TreeMap<>();
        for (dev.conform.tracing.TraceEvent e : sink.of(dev.conform.tracing.EventKind.ACTION)) {
            if (e.node() == byzantine || e.state() == null) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode log = dev.conform.runtime.Json.mapper().valueToTree(e.state()).path("log");
            log.fields().forEachRemaining(f -> {
                if (f.getValue().path("committed").asBoolean()) {
                    out.computeIfAbsent(f.getKey(), k -> new java.util.TreeSet<>()).add(f.getValue().path("digest").asText());
                }
            });
        }
        return out;
    }

    @Test
    void anUncheckedLyingNewViewMakesHonestReplicasCommitTwoRequestsAtOneSeq() {
        // node 2, the primary of view 1, lies; node 1, the first primary, crashes after committing
        FaultPlan plan = FaultPlan.of(new FaultEvent.Byzantine(0, 2, List.of(PbftAdversary.LYING_VIEW_CHANGE)),
                new FaultEvent.Crash(20, 1), new FaultEvent.Restart(600, 1));
        Options options = Options.empty().with("ops", 4);
        java.util.Map<String, Set<String>> flawed =
                committedDigests(run(1, options.withFlaw(PbftFlaw.UNCHECKED_NEW_VIEW.flawName()), plan), 2);
        assertTrue(flawed.values().stream().anyMatch(d -> d.size() > 1),
                "a seq committed with two digests (Agreement broken): " + flawed);
        ListSink correct = run(1, options, plan);
        java.util.Map<String, Set<String>> honest = committedDigests(correct, 2);
        assertTrue(honest.size() >= 4 && honest.values().stream().allMatch(d -> d.size() == 1), honest.toString());
        ReplayResult v = Verdicts.judge(correct);
        assertTrue(v.conforms(), Verdicts.describe(v));
    }

    @Test
    void chaosPlansOfAnUncheckedNewViewRunCatchIt() {
        Options o = PbftRuns.OPTIONS.withFlaw(PbftFlaw.UNCHECKED_NEW_VIEW.flawName());
        List<String> caught = new ArrayList<>();
        for (long seed = 1; seed <= 12 && caught.isEmpty(); seed++) {
            ReplayResult v = Verdicts.judge(run(seed, o, PbftRuns.plan(seed, o)));
            if (!v.conforms()) {
                assertTrue(Set.of("NewViewChecked", "Agreement").contains(v.failure().invariant()), Verdicts.describe(v));
                caught.add("seed " + seed);
            }
        }
        assertEquals(1, caught.size(), "no chaos plan of seeds 1..12 with a lying-view-change replica caught the flaw");
    }
}
