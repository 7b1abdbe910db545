package dev.conform.checker.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A Byzantine node's recorded actions and states may be anything: the operators that edit them
 * skip its events once the plan made it Byzantine, and keep every other site. (Its sends stay
 * open to the operators that edit messages.)
 */
class ByzantineMutantsTest {
    private static final int SPREAD = 64; // StateOperators' site spread: site = event * 64 + place

    private static Trace raft() throws Exception {
        try {
            return new Trace(TraceDoc.read(Path.of(ByzantineMutantsTest.class.getResource("/mutate/raft-seed9.ndjson").toURI())));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same events with node {@code node} made Byzantine before all of them. */
    private static Trace byzantine(Trace plain, int node) {
        TraceDoc d = plain.doc().copy();
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("seq", 1).put("node", node).put("kind", "fault").put("action", "byzantine");
        d.events().add(0, f);
        return new Trace(d);
    }

    private static void check(Trace plain, Trace byz, MutationOperator op, IntUnaryOperator eventOf, int shift) {
        List<Integer> expected = new ArrayList<>();
        int skipped = 0;
        for (int s : op.sites(plain)) {
            if (plain.node(eventOf.applyAsInt(s)) == 2) {
                skipped++;
            } else {
                expected.add(s + shift);
            }
        }
        assertTrue(skipped > 0, op.name() + " had sites at node 2 to skip");
        assertFalse(expected.isEmpty(), op.name() + " keeps the other nodes' sites");
        assertEquals(expected, op.sites(byz), op.name());
    }

    @Test
    void operatorsSkipTheActionsAndStatesOfAByzantineNode() throws Exception {
        Trace plain = raft();
        Trace byz = byzantine(plain, 2);
        assertFalse(byz.byzantineAt(0), "not before its own fault event");
        for (int i = 1; i < byz.size(); i++) {
            assertEquals(byz.node(i) == 2, byz.byzantineAt(i));
        }
        check(plain, byz, StateOperators.STATE_FIELD, s -> s / SPREAD, SPREAD);
        check(plain, byz, StateOperators.WRONG_TYPE, s -> s / SPREAD, SPREAD);
        check(plain, byz, MessageOperators.DROP_HANDLER, s -> s, 1);
        check(plain, byz, MessageOperators.DUPLICATE_HANDLER, s -> s, 1);
        // operators on messages keep the Byzantine node's sends and deliveries
        assertEquals(MessageOperators.DELIVER_UNSENT.sites(plain).size(), MessageOperators.DELIVER_UNSENT.sites(byz).size());
        assertEquals(MessageOperators.DELIVER_BEFORE_SEND.sites(plain).size(),
                MessageOperators.DELIVER_BEFORE_SEND.sites(byz).size());
    }
}
