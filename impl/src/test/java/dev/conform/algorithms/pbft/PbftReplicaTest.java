package dev.conform.algorithms.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.runtime.Options;
import dev.conform.runtime.sim.SteppedSimulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripted replicas (ids 1..4, replica 1 primary of view 0, replica 2 of view 1) given crafted,
 * correctly signed messages a Byzantine replica could send (relayed from an outside endpoint): the
 * correct replica refuses them, the flawed one takes them, and a forged signature is
 * Unauthenticated.
 */
class PbftReplicaTest {
    private static final long SEED = 5;
    private static final int OUTSIDE = 900;

    private record Step(int node, String action) {
    }

    private static final class Run {
        final List<Step> actions = new ArrayList<>();
        final SteppedSimulator<PbftMessage> sim;
        final long keySeed;

        Run(String flaw) {
            PbftAlgorithm algo = new PbftAlgorithm();
            Options o = algo.resolveOptions(Options.empty().withFlaw(flaw), SEED);
            keySeed = PbftOptions.resolved(o).keySeed();
            sim = new SteppedSimulator<>(algo, 4, o, new SteppedSimulator.Listener<>() {
                @Override
                public void action(int node, String name, Object state) {
                    actions.add(new Step(node, name));
                }
            });
        }

        /**
         * Delivers {@code m} to {@code to} from an outside endpoint (signed statements are
         * transferable: the receiver checks the claimed signer, never the transport sender);
         * returns the actions {@code to} took. {@code signer} documents who signed it.
         */
        List<String> deliver(int signer, int to, PbftMessage m) {
            int before = actions.size();
            sim.deliver(sim.inject(OUTSIDE, to, m));
            return actions.subList(before, actions.size()).stream().filter(s -> s.node() == to).map(Step::action).toList();
        }

        <T extends PbftMessage> T sign(int as, T statement) {
            return Keys.signer(keySeed, as).sign(statement);
        }

        ClientRequest request(int client, long seq, String op) {
            return sign(client, new ClientRequest(client, seq, op, Digests.request(client, seq, op), null));
        }

        PbftReplica replica(int id) {
            return (PbftReplica) sim.node(id);
        }
    }

    @Test
    void aPrePrepareWhoseDigestIsAnotherRequestsIsIgnoredUnlessTheFlawIsOn() {
        for (String flaw : new String[] {null, PbftFlaw.NO_DIGEST_CHECK.flawName()}) {
            Run run = new Run(flaw);
            ClientRequest r1 = run.request(101, 1, "put k a");
            ClientRequest r2 = run.request(101, 1, "put k b");
            PrePrepare lie = run.sign(1, new PrePrepare(0, 1, r1.digest(), r2, 1, null));
            List<String> took = run.deliver(1, 2, lie);
            assertEquals(List.of(flaw == null ? "Ignore" : "HandlePrePrepare"), took, "flaw " + flaw);
            assertEquals(flaw == null ? 0 : 1, run.replica(2).acceptedPrePrepares().size());
        }
    }

    @Test
    void aMatchingPrePrepareIsAcceptedAndPrepared() {
        Run run = new Run(null);
        ClientRequest r = run.request(101, 1, "put k a");
        assertEquals(List.of("HandlePrePrepare"), run.deliver(1, 2, run.sign(1, new PrePrepare(0, 1, r.digest(), r, 1, null))));
        assertEquals(List.of("HandlePrePrepare"), run.deliver(1, 3, run.sign(1, new PrePrepare(0, 1, r.digest(), r, 1, null))));
        // a conflicting PrePrepare for the same (view, seq) is refused
        ClientRequest other = run.request(102, 1, "put k b");
        assertEquals(List.of("Ignore"), run.deliver(1, 2, run.sign(1, new PrePrepare(0, 1, other.digest(), other, 1, null))));
        // a PrePrepare from a backup is refused
        assertEquals(List.of("Ignore"), run.deliver(3, 2, run.sign(3, new PrePrepare(0, 2, r.digest(), r, 3, null))));
    }

    @Test
    void aNewViewWithoutProofsIsIgnoredUnlessTheFlawIsOn() {
        for (String flaw : new String[] {null, PbftFlaw.UNCHECKED_NEW_VIEW.flawName()}) {
            Run run = new Run(flaw);
            NewView bare = run.sign(2, new NewView(1, List.of(), List.of(), 2, null));
            List<String> took = run.deliver(2, 3, bare);
            assertEquals(List.of(flaw == null ? "Ignore" : "HandleNewView"), took, "flaw " + flaw);
            assertEquals(flaw == null ? 0 : 1, run.replica(3).view());
        }
    }

    @Test
    void aStatementClaimingAnotherSignerIsUnauthenticated() {
        Run run = new Run(null);
        Prepare signedBy4 = run.sign(4, new Prepare(0, 1, "abcd", 4, null));
        Prepare forged = new Prepare(0, 1, "abcd", 3, signedBy4.sig());
        assertEquals(List.of("Unauthenticated"), run.deliver(4, 2, forged));
        // a genuine statement relayed by another node is genuine
        Prepare by3 = run.sign(3, new Prepare(0, 1, "abcd", 3, null));
        assertEquals(List.of("HandlePrepare"), run.deliver(4, 2, by3));
        // an embedded forged request makes the whole PrePrepare unauthenticated
        ClientRequest r = run.request(101, 1, "put k a");
        ClientRequest tampered = new ClientRequest(101, 1, "put k z", r.digest(), r.sig());
        assertEquals(List.of("Unauthenticated"),
                run.deliver(1, 2, run.sign(1, new PrePrepare(0, 2, r.digest(), tampered, 1, null))));
    }
}
