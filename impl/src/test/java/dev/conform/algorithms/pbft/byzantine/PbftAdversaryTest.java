package dev.conform.algorithms.pbft.byzantine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pbft.Digests;
import dev.conform.algorithms.pbft.KeyRing;
import dev.conform.algorithms.pbft.PbftAlgorithm;
import dev.conform.algorithms.pbft.PbftMessage;
import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Reply;
import dev.conform.algorithms.pbft.PbftMessage.ViewChange;
import dev.conform.algorithms.pbft.PreparedCertificate;
import dev.conform.runtime.ListSink;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each behaviour of the PBFT adversary shows in a run, and the adversary signs only as its own
 * replica: every statement it sends claiming itself verifies, every one claiming another replica
 * (a forgery) does not, and honest replicas drop forgeries as {@code Unauthenticated}.
 */
class PbftAdversaryTest {
    private static final long SEED = 3;

    static ListSink run(long seed, FaultEvent... events) {
        ListSink sink = new ListSink();
        SimConfig cfg = SimConfig.of(4, seed).withMaxSteps(20_000).withOptions(
                dev.conform.runtime.Options.empty().with("ops", 6));
        new Simulator<>(new PbftAlgorithm(), cfg, FaultPlan.of(events), sink).run();
        return sink;
    }

    static ListSink byzantine(int node, String... behaviours) {
        return run(SEED, new FaultEvent.Byzantine(0, node, List.of(behaviours)));
    }

    static List<PbftMessage> sentBy(ListSink sink, int node) {
        List<PbftMessage> out = new ArrayList<>();
        for (TraceEvent e : sink.where(e -> e.kind() == EventKind.SEND && e.node() == node)) {
            out.add((PbftMessage) e.msg().body());
        }
        return out;
    }

    static long keySeed(ListSink sink) {
        Map<?, ?> options = (Map<?, ?>) sink.header.params().get("options");
        return Long.parseLong(String.valueOf(options.get("keySeed")));
    }

    /** Every statement the node sent, and every statement embedded in them. */
    static List<PbftMessage> statements(List<PbftMessage> sent) {
        List<PbftMessage> out = new ArrayList<>();
        for (PbftMessage m : sent) {
            collect(m, out);
        }
        return out;
    }

    private static void collect(PbftMessage m, List<PbftMessage> out) {
        if (m == null) {
            return;
        }
        out.add(m);
        if (m instanceof PrePrepare pp) {
            collect(pp.request(), out);
        } else if (m instanceof ViewChange vc) {
            vc.proof().forEach(c -> collect(c, out));
            for (PreparedCertificate pc : vc.prepared()) {
                collect(pc.prePrepare(), out);
                pc.prepares().forEach(p -> collect(p, out));
            }
        } else if (m instanceof NewView nv) {
            nv.viewChanges().forEach(v -> collect(v, out));
            nv.prePrepares().forEach(p -> collect(p, out));
        }
    }

    static int count(ListSink sink, Predicate<TraceEvent> p) {
        return sink.where(p).size();
    }

    @Test
    void honestRunsFinish() {
        ListSink sink = run(SEED);
        assertTrue(count(sink, e -> e.kind() == EventKind.ACTION && "AcceptResult".equals(e.action())) > 0);
    }

    @Test
    void silenceSendsNothingAndTheOthersStillServeTheClients() {
        ListSink sink = byzantine(3, PbftAdversary.SILENCE);
        assertTrue(sentBy(sink, 3).isEmpty());
        assertTrue(count(sink, e -> e.kind() == EventKind.ACTION && "AcceptResult".equals(e.action())) > 0);
    }

    @Test
    void anEquivocatingPrimarySendsTwoPrePreparesForOneSeq() {
        ListSink sink = byzantine(1, PbftAdversary.EQUIVOCATE);
        Map<String, Set<String>> digests = new HashMap<>();
        for (PbftMessage m : sentBy(sink, 1)) {
            if (m instanceof PrePrepare pp) {
                digests.computeIfAbsent(pp.view() + ":" + pp.seq(), k -> new HashSet<>()).add(pp.digest());
            }
        }
        assertTrue(digests.values().stream().anyMatch(s -> s.size() > 1), "two digests for one (view, seq): " + digests);
    }

    @Test
    void wrongDigestsDoNotMatchTheirRequests() {
        ListSink sink = byzantine(1, PbftAdversary.WRONG_DIGEST);
        assertTrue(sentBy(sink, 1).stream().anyMatch(m -> m instanceof PrePrepare pp && pp.request() != null
                && !pp.digest().equals(digest(pp.request()))));
        assertTrue(count(sink, e -> e.kind() == EventKind.ACTION && e.node() != 1 && "Ignore".equals(e.action())) > 0,
                "honest backups ignore them");
    }

    @Test
    void wrongRepliesCarryResultsNoStoreProduced() {
        ListSink sink = byzantine(2, PbftAdversary.WRONG_REPLY);
        assertTrue(sentBy(sink, 2).stream().anyMatch(m -> m instanceof Reply r && r.result() != null
                && r.result().startsWith("lie-")));
    }

    @Test
    void replayResendsStatementsSentOrReceivedBefore() {
        ListSink sink = byzantine(2, PbftAdversary.REPLAY);
        List<Object> seen = new ArrayList<>();
        boolean replayed = false;
        for (TraceEvent e : sink.events) {
            if (e.msg() == null) {
                continue;
            }
            if (e.kind() == EventKind.SEND && e.node() == 2 && seen.contains(e.msg().body())) {
                replayed = true;
            }
            if (e.node() == 2 && (e.kind() == EventKind.SEND || e.kind() == EventKind.DELIVER)) {
                seen.add(e.msg().body());
            }
        }
        assertTrue(replayed);
    }

    @Test
    void withholdingStarvesSomeReplicas() {
        ListSink honest = run(SEED);
        ListSink sink = byzantine(2, PbftAdversary.WITHHOLD);
        Set<Integer> reached = new HashSet<>();
        sink.where(e -> e.kind() == EventKind.SEND && e.node() == 2).forEach(e -> reached.add(e.msg().to()));
        Set<Integer> honestReached = new HashSet<>();
        honest.where(e -> e.kind() == EventKind.SEND && e.node() == 2).forEach(e -> honestReached.add(e.msg().to()));
        assertTrue(honestReached.containsAll(List.of(1, 3, 4)));
        assertFalse(reached.containsAll(List.of(1, 3, 4)), "some replica hears nothing from node 2: " + reached);
    }

    @Test
    void forgeriesFailVerificationAndHonestReplicasDropThem() {
        ListSink sink = byzantine(2, PbftAdversary.FORGE);
        KeyRing keys = new KeyRing(keySeed(sink));
        List<PbftMessage> forged = sentBy(sink, 2).stream().filter(m -> m.signer() != 2).toList();
        assertFalse(forged.isEmpty());
        forged.forEach(m -> assertFalse(keys.verify(m), "a forgery verifies: " + m));
        assertTrue(count(sink, e -> e.kind() == EventKind.ACTION && e.node() != 2 && "Unauthenticated".equals(e.action())) > 0);
    }

    @Test
    void aLyingNewPrimaryFillsProvenSeqsWithNullRequests() {
        // node 1, the primary of view 0, crashes: node 2 becomes the primary of view 1 and lies
        boolean lied = false;
        for (long seed = 1; seed <= 10 && !lied; seed++) {
            ListSink sink = run(seed, new FaultEvent.Byzantine(0, 2, List.of(PbftAdversary.LYING_VIEW_CHANGE)),
                    new FaultEvent.Crash(150, 1));
            for (PbftMessage m : sentBy(sink, 2)) {
                lied |= m instanceof NewView nv && !nv.prePrepares().isEmpty()
                        && nv.prePrepares().stream().allMatch(pp -> pp.request() == null);
                lied |= m instanceof ViewChange vc && vc.prepared().stream().anyMatch(pc -> pc.prepares().size() == 1);
            }
        }
        assertTrue(lied, "a lying ViewChange or NewView in ten seeds");
    }

    @Test
    void theAdversarySignsOnlyAsItsOwnReplica() {
        Set<String> all = PbftAdversary.BEHAVIOURS;
        List<String> every = all.stream().filter(b -> !b.equals(PbftAdversary.SILENCE)).sorted().toList();
        for (int node : List.of(1, 4)) {
            ListSink sink = run(SEED, new FaultEvent.Byzantine(0, node, every), new FaultEvent.Crash(150, node == 1 ? 2 : 1));
            KeyRing keys = new KeyRing(keySeed(sink));
            Set<PbftMessage> received = new HashSet<>();
            sink.where(e -> e.kind() == EventKind.DELIVER && e.node() == node)
                    .forEach(e -> received.addAll(statements(List.of((PbftMessage) e.msg().body()))));
            int own = 0;
            for (PbftMessage s : statements(sentBy(sink, node))) {
                if (s.signer() == node) {
                    assertTrue(keys.verify(s), "its own statement does not verify: " + s);
                    own++;
                } else if (!keys.verify(s)) {
                    assertNotEquals(node, s.signer());
                } else {
                    // a genuine statement of another node: it can only have received it
                    assertTrue(received.contains(s) || s instanceof ClientRequest, "signed as another node: " + s);
                }
            }
            assertTrue(own > 0);
        }
    }

    private static String digest(ClientRequest r) {
        return Digests.request(r.clientId(), r.seq(), r.op());
    }
}
