package dev.conform.cli.mbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.value.TlaValue;
import dev.conform.checker.value.TlaValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The replay of MbtCrdt behaviours (replicas 1..3) on hand-written states, without TLC: an
 * increment of the spec's amount, a gossip round to every peer, a push merged and answered; and
 * the ways such a step fails to match.
 */
class CrdtMbtReplayTest {
    private static final String NONE = "[type |-> \"none\"]";

    private static Map<String, TlaValue> state(String action, int node, String msg, String owed, String counts,
            String sent) {
        return TlaValues.parseState(String.join("\n",
                "/\\ mbtStep = [action |-> \"" + action + "\", node |-> " + node + ", msg |-> " + msg + "]",
                "/\\ mbtOwed = <<" + owed + ">>", "/\\ mbtSent = {" + sent + "}", "/\\ mbtOptions = [maxStep |-> 3]",
                "/\\ counts = " + counts, "/\\ msgs = {}", "/\\ acked = <<0, 0, 0>>",
                "/\\ synced = <<<<TRUE, TRUE, TRUE>>, <<TRUE, TRUE, TRUE>>, <<TRUE, TRUE, TRUE>>>>"));
    }

    private static final String ZERO = "<<<<0, 0, 0>>, <<0, 0, 0>>, <<0, 0, 0>>>>";
    private static final String TWO = "<<<<2, 0, 0>>, <<0, 0, 0>>, <<0, 0, 0>>>>";
    private static final String PUSH12 = "[push |-> TRUE, from |-> 1, to |-> 2, state |-> <<2, 0, 0>>]";
    private static final String PUSH13 = "[push |-> TRUE, from |-> 1, to |-> 3, state |-> <<2, 0, 0>>]";

    private static List<Map<String, TlaValue>> gossipRound() {
        List<Map<String, TlaValue>> b = new ArrayList<>();
        b.add(state("Init", 1, NONE, "", ZERO, ""));
        b.add(state("Increment", 1, NONE, "", TWO, ""));
        b.add(state("SendGossip", 1, NONE, "[action |-> \"SendGossip\", node |-> 1, peer |-> 3, push |-> TRUE]", TWO,
                PUSH12));
        b.add(state("SendGossip", 1, NONE, "", TWO, PUSH12 + ", " + PUSH13));
        return b;
    }

    private static Mismatch replay(List<Map<String, TlaValue>> b) {
        return new MbtReplay<>(new CrdtMbt(), b, List.of()).run(new TreeSet<>());
    }

    @Test
    void aBehaviourTheImplementationCanTakePasses() {
        List<Map<String, TlaValue>> b = gossipRound();
        String merged = "<<<<2, 0, 0>>, <<2, 0, 0>>, <<0, 0, 0>>>>";
        String reply = "[push |-> FALSE, from |-> 2, to |-> 1, state |-> <<2, 0, 0>>]";
        b.add(state("ReceiveGossip", 2, PUSH12, "[action |-> \"SendGossip\", node |-> 2, peer |-> 1, push |-> FALSE]",
                merged, PUSH12 + ", " + PUSH13));
        b.add(state("SendGossip", 2, NONE, "", merged, PUSH12 + ", " + PUSH13 + ", " + reply));
        Set<String> covered = new TreeSet<>();
        assertNull(new MbtReplay<>(new CrdtMbt(), b, List.of()).run(covered));
        assertEquals(Set.of("Increment", "SendGossip", "ReceiveGossip"), covered);
    }

    @Test
    void aRoundToOnePeerIsAMismatch() {
        List<Map<String, TlaValue>> b = gossipRound().subList(0, 3);
        List<Map<String, TlaValue>> cut = new ArrayList<>(b);
        cut.set(2, state("SendGossip", 1, NONE, "", TWO, PUSH12));
        Mismatch m = replay(cut);
        assertEquals(2, m.step());
        assertTrue(m.problem().startsWith("the implementation took action SendGossip at node 1, which the spec did not"),
                m.problem());
    }

    @Test
    void aMergeTheSpecComputesDifferentlyIsAMismatch() {
        List<Map<String, TlaValue>> b = gossipRound();
        b.add(state("ReceiveGossip", 2, PUSH12, "", "<<<<2, 0, 0>>, <<4, 0, 0>>, <<0, 0, 0>>>>", PUSH12 + ", " + PUSH13));
        Mismatch m = replay(b);
        assertEquals(4, m.step());
        assertTrue(m.problem().contains("recorded {counts={1=2}}"), m.problem());
    }

    @Test
    void aMessageNeverSentIsAMismatch() {
        List<Map<String, TlaValue>> b = gossipRound();
        String other = "[push |-> TRUE, from |-> 1, to |-> 2, state |-> <<1, 0, 0>>]";
        b.add(state("ReceiveGossip", 2, other, "", "<<<<2, 0, 0>>, <<1, 0, 0>>, <<0, 0, 0>>>>", PUSH12 + ", " + PUSH13));
        Mismatch m = replay(b);
        assertTrue(m.problem().startsWith("the implementation never sent"), m.problem());
    }
}
