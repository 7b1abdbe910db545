package dev.conform.checker.invariants.pbft;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.invariants.pbft.PbftOwedSendsTest.Trace;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The view an honest send may carry (PbftSteps.send): its own, except that a ViewChange may be for
 * a lower view (the answer to a replica still asking for it). A ViewChange for a higher view, or
 * any other statement of another view, is rejected: the exception stays that narrow.
 */
class PbftSendViewTest {

    @ParameterizedTest
    @CsvSource({"ViewChange, 1", "Prepare, 1", "Prepare, -1", "Commit, -1"})
    void anHonestSendOfAnotherViewIsRejected(String type, long shift) {
        Trace t = PbftOwedSendsTest.load("crash-only-s4");
        Set<Integer> byzantine = PbftOwedSendsTest.byzantine(t.events());
        List<TraceEvent> mutant = new ArrayList<>(t.events());
        Map<Integer, Long> view = new HashMap<>();
        TraceEvent changed = null;
        for (int i = 0; i < mutant.size() && changed == null; i++) {
            TraceEvent e = mutant.get(i);
            if (e.kind() == EventKind.ACTION && e.state() instanceof Map<?, ?> s && s.get("view") instanceof Number v) {
                view.put(e.node(), v.longValue());
            } else if (e.kind() == EventKind.SEND && type.equals(e.msg().type()) && !byzantine.contains(e.node())
                    && t.header().servers().contains(e.node()) && view.getOrDefault(e.node(), 0L) + shift >= 0) {
                changed = withView(e, view.getOrDefault(e.node(), 0L) + shift);
                mutant.set(i, changed);
            }
        }
        assertNotNull(changed, "no honest " + type + " send to change");
        ReplayResult r = PbftOwedSendsTest.replay(t.header(), mutant);
        assertNotNull(r.failure(), type + " of another view accepted");
        String msg = r.failure().message();
        assertTrue(msg.contains("replica " + changed.node() + " sends " + type + " of view "), msg);
    }

    @SuppressWarnings("unchecked")
    private static TraceEvent withView(TraceEvent e, long v) {
        Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) e.msg().body());
        body.put("view", v);
        TraceMessage m = new TraceMessage(e.msg().id(), e.msg().from(), e.msg().to(), e.msg().type(), body);
        return new TraceEvent(e.seq(), e.node(), e.kind(), e.action(), m, e.state(), e.lamport(), e.vc());
    }
}
