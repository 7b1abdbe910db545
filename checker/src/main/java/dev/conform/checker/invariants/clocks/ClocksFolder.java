package dev.conform.checker.invariants.clocks;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.checker.invariants.clocks.ClocksTraceState.Event;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import java.util.Arrays;
import java.util.Map;

/**
 * Folds {@code clocks} events into {@link ClocksTraceState}. Local and Send tick both clocks and
 * count one event within the header's budget ({@code params.options.events}); a Send's Tick carries
 * the clocks after it; a Receive consumes the Tick delivered to its node and ticks its own entry.
 * A restart brings back the clocks of the node's latest event. Whether a Receive merged the stamp
 * is judged by the invariants ({@code ClockCondition}, {@code VectorCharacterisation}) at the event
 * itself; a Receive that is not the merge and breaks neither cannot happen either.
 */
final class ClocksFolder implements StateFolder<ClocksTraceState> {
    @Override
    public ClocksTraceState initial(TraceHeader header) {
        int budget = Integer.MAX_VALUE;
        if (header.params() != null && header.params().get("options") instanceof Map<?, ?> o && o.get("events") != null) {
            try {
                budget = Integer.parseInt(String.valueOf(o.get("events")).trim());
            } catch (NumberFormatException ex) {
                throw new FoldException("params.options.events is not an integer: " + o.get("events"));
            }
        }
        return new ClocksTraceState(header.servers(), budget);
    }

    @Override
    public ClocksTraceState apply(ClocksTraceState s, TraceEvent e) {
        switch (e.kind()) {
            case SEND -> send(s, e);
            case DELIVER -> {
                sent(s, e);
                s.delivered.put(e.node(), e.msg().id());
            }
            case TIMER, CRASH -> sent(s, e);
            case ACTION -> action(s, e);
            case RESTART -> restart(s, e);
            default -> { }
        }
        return s;
    }

    /** A Tick leaves with the clocks of the Send action just before it, and only then. */
    private static void send(ClocksTraceState s, TraceEvent e) {
        if (!"Tick".equals(e.msg().type())) {
            throw new FoldException("clocks sends only Tick, not " + e.msg().type());
        }
        Event by = s.unsent.remove(e.node());
        if (by == null) {
            throw new FoldException("node " + e.node() + " sends Tick " + e.msg().id() + " without a Send action before it");
        }
        Map<String, Object> body = JsonObjects.asMap(e.msg().body(), "Tick " + e.msg().id() + "'s body");
        int lc = JsonObjects.integer(body.get("lc"), "Tick body lc");
        int[] vc = JsonObjects.serverVector(s.servers, body.get("vc"), "Tick body vc");
        if (lc != by.lc() || !Arrays.equals(vc, by.vc())) {
            throw new FoldException("Tick " + e.msg().id() + " carries lc=" + lc + ", vc=" + Arrays.toString(vc)
                    + " but the Send before it recorded lc=" + by.lc() + ", vc=" + Arrays.toString(by.vc()));
        }
        s.sendOf.put(e.msg().id(), by);
    }

    /** A node's Send is followed by its Tick before the node does anything else. */
    private static void sent(ClocksTraceState s, TraceEvent e) {
        if (s.unsent.containsKey(e.node())) {
            throw new FoldException("node " + e.node() + "'s Send (event " + s.unsent.get(e.node()).seq()
                    + ") is not followed by its Tick");
        }
    }

    private static void action(ClocksTraceState s, TraceEvent e) {
        sent(s, e);
        int p = e.node();
        Integer own = s.index.get(p);
        if (own == null) {
            throw new FoldException("node " + p + " is not a server");
        }
        Map<String, Object> st = JsonObjects.asMap(e.state(), "the state of " + e.action());
        int lc = JsonObjects.integer(st.get("lc"), "lc");
        int[] vc = JsonObjects.serverVector(s.servers, st.get("vc"), "vc");
        int events = JsonObjects.integer(st.get("events"), "events");
        Event prev = s.now.get(p);
        int prevLc = prev == null ? 0 : prev.lc();
        int[] prevVc = prev == null ? new int[s.servers.size()] : prev.vc();
        int prevEvents = prev == null ? 0 : prev.events();
        String at = e.action() + " at node " + p;
        Event send = null;
        boolean exact;
        switch (e.action()) {
            case "Local", "Send" -> {
                if (events != prevEvents + 1 || events > s.budget) {
                    throw new FoldException(at + " counts events " + prevEvents + " -> " + events + " (budget " + s.budget + ")");
                }
                exact = lc == prevLc + 1 && Arrays.equals(vc, ticked(prevVc, own));
                if (!exact) {
                    throw new FoldException(at + " moves lc " + prevLc + " -> " + lc + ", vc " + Arrays.toString(prevVc)
                            + " -> " + Arrays.toString(vc) + ": an event ticks both clocks by one");
                }
            }
            case "Receive" -> {
                Long id = s.delivered.remove(p);
                send = id == null ? null : s.sendOf.get(id);
                if (send == null) {
                    throw new FoldException(at + " consumes no Tick that a Send stamped");
                }
                if (events != prevEvents || vc[own] != prevVc[own] + 1 || lc <= prevLc) {
                    throw new FoldException(at + " moves lc " + prevLc + " -> " + lc + ", own entry " + prevVc[own]
                            + " -> " + vc[own] + ", events " + prevEvents + " -> " + events
                            + ": a receive ticks its own entry by one and leaves events");
                }
                int[] merged = new int[vc.length];
                for (int q = 0; q < vc.length; q++) {
                    merged[q] = q == own ? prevVc[q] + 1 : Math.max(prevVc[q], send.vc()[q]);
                }
                exact = lc == Math.max(prevLc, send.lc()) + 1 && Arrays.equals(vc, merged);
                s.merged |= exact && send.lc() > prevLc;
            }
            default -> throw new FoldException("unknown clocks action " + e.action());
        }
        Event last = s.last.get(p);
        int[] hb = last == null ? new int[s.servers.size()] : last.hb().clone();
        hb[own]++;
        if (send != null) {
            for (int q = 0; q < hb.length; q++) {
                hb[q] = Math.max(hb[q], send.hb()[q]);
            }
        }
        Event ev = new Event(p, e.action(), e.seq(), lc, vc, events, hb);
        judge(s, ev, last, send);
        if (!exact && s.holds("ClockCondition") && s.holds("VectorCharacterisation")) {
            throw new FoldException(at + " records lc=" + lc + ", vc=" + Arrays.toString(vc) + "; merging Tick stamp lc="
                    + send.lc() + ", vc=" + Arrays.toString(send.vc()) + " gives lc=" + (Math.max(prevLc, send.lc()) + 1));
        }
        s.history.add(ev);
        s.now.put(p, ev);
        s.last.put(p, ev);
        s.maxLc.merge(p, lc, Math::max);
        if ("Send".equals(e.action())) {
            s.unsent.put(p, ev);
        }
    }

    /**
     * ClockCondition on the direct edges into {@code ev} (program order, send to receive; the rest
     * follows by transitivity), and VectorCharacterisation of {@code ev} against every earlier event.
     */
    private static void judge(ClocksTraceState s, Event ev, Event last, Event send) {
        for (Event before : new Event[] {last, send}) {
            if (before != null && before.lc() >= ev.lc()) {
                s.violate("ClockCondition", describe(before) + " happened before " + describe(ev)
                        + " but its Lamport time is not smaller");
            }
        }
        for (Event e : s.history) {
            boolean hb = leq(e.hb(), ev.hb());
            if (hb != less(e.vc(), ev.vc())) {
                s.violate("VectorCharacterisation", describe(e) + (hb ? " happened before " : " did not happen before ")
                        + describe(ev) + (hb ? " but its vector time is not smaller" : " but its vector time is smaller"));
            }
            if (less(ev.vc(), e.vc())) {
                s.violate("VectorCharacterisation", describe(ev) + " did not happen before " + describe(e)
                        + " but its vector time is smaller");
            }
        }
    }

    /** A restart brings back the clocks of the node's latest event; less is ClockIsLatest's to judge. */
    private static void restart(ClocksTraceState s, TraceEvent e) {
        sent(s, e);
        int p = e.node();
        Event prev = s.now.get(p);
        int lc = 0;
        int events = 0;
        int[] vc = new int[s.servers.size()];
        if (e.state() != null) {
            Map<String, Object> st = JsonObjects.asMap(e.state(), "the restart state");
            lc = JsonObjects.integer(st.get("lc"), "lc");
            vc = JsonObjects.serverVector(s.servers, st.get("vc"), "vc");
            events = JsonObjects.integer(st.get("events"), "events");
        }
        boolean same = prev == null ? lc == 0 && events == 0 && Arrays.equals(vc, new int[vc.length])
                : lc == prev.lc() && events == prev.events() && Arrays.equals(vc, prev.vc());
        if (!same && lc >= s.maxLc.getOrDefault(p, 0)) {
            throw new FoldException("node " + p + " restarts with lc=" + lc + ", vc=" + Arrays.toString(vc) + ", events="
                    + events + ", not the clocks of its latest event");
        }
        int[] hb = prev == null ? vc : prev.hb();
        s.now.put(p, new Event(p, "restart", e.seq(), lc, vc, events, hb));
        s.delivered.remove(p);
    }

    private static String describe(Event e) {
        return e.action() + " at node " + e.node() + " (event " + e.seq() + ", lc=" + e.lc() + ", vc="
                + Arrays.toString(e.vc()) + ")";
    }

    static int[] ticked(int[] vc, int own) {
        int[] t = vc.clone();
        t[own]++;
        return t;
    }

    /** a <= b pointwise. */
    static boolean leq(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }

    /** a < b: pointwise at most, and different. */
    static boolean less(int[] a, int[] b) {
        return leq(a, b) && !Arrays.equals(a, b);
    }
}
