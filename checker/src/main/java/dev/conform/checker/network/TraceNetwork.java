package dev.conform.checker.network;

import dev.conform.checker.invariants.JsonObjects;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.checker.invariants.FoldException;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TransportParams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replays the runtime's part of a trace (sends, deliveries, losses, duplicates, timers, crashes,
 * restarts, faults) and the consumption of each delivery by its handler action, and rejects an
 * event the network and nodes of the trace's header could not have produced. The rules are
 * TraceNet.tla's, one for one (docs/trace-format.md, "Network and nodes"):
 * <ul>
 * <li>a send puts a new id in flight; a deliver names an id in flight, equal to its send, to a
 *     node that is up and has no delivery waiting, on a link that is not cut, in FIFO order on
 *     a reliable network, and makes it the node's pending delivery;</li>
 * <li>exactly one handler action (an action named in the algorithm's {@code consumers}, for the
 *     pending message's type) consumes it (messages of types no action consumes wait for none); a timer or a second delivery while one is pending is
 *     rejected, and so is a delivery left without its handler at the end;</li>
 * <li>a duplicate or a drop only where the network could duplicate or lose the message (a
 *     duplicate also after every earlier copy arrived, as a real receiver records it); a header
 *     naming its transport allows duplicates only for {@code udp} ({@link TransportParams}), and
 *     one whose transport contradicts its rates is rejected as inconsistent;</li>
 * <li>a crashed node takes no step; crashes, restarts and faults follow the header's plan;</li>
 * <li>a wipe (disk loss) only for an algorithm whose checks model it, of a node that is down;</li>
 * <li>a {@code byzantine} fault, recorded on its server in plan order, marks that server Byzantine
 *     for the rest of the trace ({@link #byzantine(int)}): checks of an algorithm that tolerates
 *     Byzantine servers check its sends only for authenticity; checks that never ask treat it as
 *     honest, which is stricter.</li>
 * </ul>
 */
public final class TraceNetwork {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message in flight: as sent, copies left, its place in send order, what the link allowed then. */
    private record InFlight(TraceMessage msg, int copies, long order, int inc, boolean lossy, boolean dupable) {
        InFlight take() {
            return new InFlight(msg, copies - 1, order, inc, lossy, dupable);
        }

        InFlight copy() {
            return new InFlight(msg, copies + 1, order, inc, lossy, dupable);
        }
    }

    private final Map<String, Set<String>> consumers;
    /** Message types some handler action consumes: only their deliveries wait for a handler. */
    private final Set<String> handled;
    private final List<Integer> servers;
    private final Set<Integer> nodes;
    private final boolean reliable;
    private final long lossPercent;
    private final long duplicatePercent;
    /** Whether the header's transport may duplicate at all (TCP and QUIC never do). */
    private final boolean transportDuplicates;
    private final String transport;
    private final List<Map<String, Object>> plan;
    private final Set<String> unplanned;
    /** Whether the algorithm's checks model disk loss: only then is a wipe fault accepted. */
    private final boolean diskLoss;

    private final Map<Long, InFlight> inflight = new HashMap<>();
    private final Map<Integer, TraceMessage> pending = new HashMap<>();
    private final Set<Integer> down = new HashSet<>();
    private final Map<Integer, Integer> inc = new HashMap<>();
    private final List<Map<String, Object>> links = new ArrayList<>();
    private final Set<Integer> byzantine = new java.util.TreeSet<>();
    private Cut cut = Cut.HEALED;
    private int planPos;
    private long sends;

    /**
     * @param consumers action name to the message types whose delivery it handles (the
     *                  algorithm's handler actions); every other action handles none
     */
    public TraceNetwork(TraceHeader header, Map<String, Set<String>> consumers) {
        this(header, consumers, false);
    }

    /**
     * @param diskLoss whether the algorithm's checks model disk loss: without it a {@code wipe}
     *                 fault is rejected (fail closed), with it a wipe must be the plan's next
     *                 fault, recorded on its node while that node is down
     */
    public TraceNetwork(TraceHeader header, Map<String, Set<String>> consumers, boolean diskLoss) {
        this.diskLoss = diskLoss;
        this.consumers = Map.copyOf(consumers);
        Set<String> h = new HashSet<>();
        consumers.values().forEach(h::addAll);
        this.handled = Set.copyOf(h);
        this.servers = header.servers();
        this.nodes = Set.copyOf(header.nodes());
        Map<String, Object> params = header.params() == null ? Map.of() : header.params();
        this.reliable = "reliable".equals(String.valueOf(params.getOrDefault("net", "reliable")));
        this.lossPercent = number(params.get("lossPercent"));
        this.duplicatePercent = number(params.get("duplicatePercent"));
        String badTransport = TransportParams.problem(params);
        if (badTransport != null) {
            throw new FoldException(badTransport);
        }
        this.transportDuplicates = TransportParams.mayDuplicate(params);
        this.transport = params.get("transport") == null ? null : String.valueOf(params.get("transport"));
        Map<String, Object> p = header.faultPlan() == null ? Map.of() : asMap(header.faultPlan(), "the header's plan");
        List<Map<String, Object>> events = new ArrayList<>();
        if (p.get("events") instanceof List<?> l) {
            for (Object o : l) {
                events.add(asMap(o, "a plan event"));
            }
        }
        this.plan = List.copyOf(events);
        Set<String> u = new HashSet<>();
        if (p.get("unplanned") instanceof List<?> l) {
            l.forEach(o -> u.add(String.valueOf(o)));
        }
        this.unplanned = Set.copyOf(u);
    }

    /**
     * Applies one event.
     *
     * @throws FoldException saying which rule the event breaks
     */
    public void apply(TraceEvent e) {
        switch (e.kind()) {
            case SEND -> send(e);
            case DELIVER -> deliver(e);
            case DROP -> drop(e);
            case DUPLICATE -> duplicate(e);
            case TIMER -> idle(e.node(), "a timer fires");
            case ACTION -> action(e);
            case CRASH -> crash(e.node());
            case RESTART -> restart(e.node());
            case FAULT -> fault(e);
            default -> throw new FoldException("unknown event kind " + e.kind());
        }
    }

    /** Why the trace cannot end here (a delivery without its handler), or null when it can. */
    public String endProblem() {
        for (Map.Entry<Integer, TraceMessage> p : pending.entrySet()) {
            return "node " + p.getKey() + " never handled the delivery of message " + p.getValue().id()
                    + " (" + p.getValue().type() + ")";
        }
        return null;
    }

    /** The message delivered to {@code node} and not yet handled, or null. */
    public TraceMessage pending(int node) {
        return pending.get(node);
    }

    public boolean up(int node) {
        return nodes.contains(node) && !down.contains(node);
    }

    private void send(TraceEvent e) {
        TraceMessage m = e.msg();
        requireUp(m.from(), "sends message " + m.id());
        if (!nodes.contains(m.to())) {
            throw new FoldException("message " + m.id() + " is sent to node " + m.to() + ", which is not in the header");
        }
        if (inflight.containsKey(m.id())) {
            throw new FoldException("message id " + m.id() + " is sent again while in flight");
        }
        inflight.put(m.id(), new InFlight(m, 1, sends++, inc(m.to()), lossy(m.from(), m.to()), duplicating(m.from(), m.to())));
    }

    private void deliver(TraceEvent e) {
        TraceMessage m = e.msg();
        InFlight f = withCopy(m, "delivered");
        idle(m.to(), "message " + m.id() + " is delivered");
        if (f.inc() != inc(m.to())) {
            throw new FoldException("message " + m.id() + " was sent to node " + m.to()
                    + " before it crashed; it can only be lost, not delivered");
        }
        if (!reachable(m.from(), m.to())) {
            throw new FoldException("message " + m.id() + " is delivered from " + m.from() + " to " + m.to()
                    + " across a partition");
        }
        if (reliable) {
            for (InFlight o : inflight.values()) {
                if (o.msg().from() == m.from() && o.msg().to() == m.to() && o.order() < f.order()) {
                    throw new FoldException("message " + m.id() + " overtakes message " + o.msg().id()
                            + " on the reliable (FIFO) link " + m.from() + " -> " + m.to());
                }
            }
        }
        take(f);
        if (handled.contains(m.type())) {
            pending.put(m.to(), m);
        }
    }

    private void drop(TraceEvent e) {
        TraceMessage m = e.msg();
        InFlight f = withCopy(m, "dropped");
        atEnd(e, m, "drop");
        boolean allowed = f.lossy() || m.from() == m.to() || !reachable(m.from(), m.to())
                || f.inc() != inc(m.to()) || down.contains(m.to());
        if (!allowed) {
            throw new FoldException("message " + m.id() + " is lost, but the link " + m.from() + " -> " + m.to()
                    + " could not lose it (" + (reliable ? "reliable network" : "no loss on this link")
                    + ", not partitioned, destination up)");
        }
        take(f);
    }

    private void duplicate(TraceEvent e) {
        TraceMessage m = e.msg();
        if (!transportDuplicates) { // said first: a receiver records a copy after the original's delivery
            throw new FoldException("message " + m.id() + " is duplicated, but the link " + m.from() + " -> " + m.to()
                    + " could not duplicate it when it was sent (transport " + transport + " never duplicates)");
        }
        InFlight f = sameAsSent(m, "duplicated");
        atEnd(e, m, "duplicate");
        if (!f.dupable()) {
            throw new FoldException("message " + m.id() + " is duplicated, but the link " + m.from() + " -> " + m.to()
                    + " could not duplicate it when it was sent (" + (reliable ? "reliable network" : "no duplication")
                    + ")");
        }
        inflight.put(m.id(), f.copy());
    }

    private void action(TraceEvent e) {
        requireUp(e.node(), "takes action " + e.action());
        Set<String> types = consumers.get(e.action());
        if (types == null) {
            return;
        }
        TraceMessage m = pending.get(e.node());
        if (m == null) {
            throw new FoldException("action " + e.action() + " at node " + e.node()
                    + " handles a message, but no delivery to it is waiting");
        }
        if (!types.contains(m.type())) {
            throw new FoldException("action " + e.action() + " at node " + e.node() + " cannot handle the "
                    + m.type() + " message " + m.id() + " delivered to it");
        }
        pending.remove(e.node());
    }

    private void crash(int node) {
        requireUp(node, "crashes");
        planNodeFault("crash", node);
        down.add(node);
        inc.merge(node, 1, Integer::sum);
        pending.remove(node);
    }

    private void restart(int node) {
        if (!nodes.contains(node) || !down.contains(node)) {
            throw new FoldException("node " + node + " restarts without having crashed");
        }
        planNodeFault("restart", node);
        down.remove(node);
        inc.merge(node, 1, Integer::sum);
    }

    private void fault(TraceEvent e) {
        if (e.state() == null) {
            throw new FoldException("fault " + e.action() + " carries no fault data");
        }
        Map<String, Object> d = asMap(e.state(), "the fault's data");
        String type = String.valueOf(d.get("type"));
        if ("wipe".equals(type) && !diskLoss) {
            throw new FoldException("fault wipe (disk loss) at node " + e.node() + ", but the checks of this"
                    + " algorithm do not model disk loss");
        }
        boolean onNode = "skew".equals(type) || "wipe".equals(type) || "byzantine".equals(type);
        int at = onNode ? (int) number(d.get("node")) : 0;
        if (e.node() != at || "crash".equals(type) || "restart".equals(type)) {
            throw new FoldException("fault " + type + " is recorded on node " + e.node() + " (expected " + at + ")");
        }
        if ("wipe".equals(type) && (!nodes.contains(at) || !down.contains(at))) {
            throw new FoldException("node " + at + "'s disk is wiped while it is up (a wipe needs a crashed node)");
        }
        if ("byzantine".equals(type) && !servers.contains(at)) {
            throw new FoldException("node " + at + ", which is not a server, is made Byzantine");
        }
        int k = nextPlanEvent(d::equals);
        if (k < 0) {
            throw new FoldException("fault " + d + " is not the plan's next fault (the header's plan has no such event"
                    + " after event " + planPos + ")");
        }
        planPos = k + 1;
        try {
            if (Cut.isCut(type)) {
                cut = Cut.of(d);
            } else if ("link".equals(type)) {
                links.add(d);
            } else if ("byzantine".equals(type)) {
                byzantine.add(at);
            }
        } catch (RuntimeException ex) {
            throw new FoldException("fault data " + d + " is malformed: " + ex);
        }
    }

    /** Whether the plan made {@code node} Byzantine in the events applied so far. */
    public boolean byzantine(int node) {
        return byzantine.contains(node);
    }

    /** The nodes the plan made Byzantine in the events applied so far, ascending. */
    public Set<Integer> byzantine() {
        return java.util.Collections.unmodifiableSet(byzantine);
    }

    private void planNodeFault(String type, int node) {
        int k = nextPlanEvent(p -> type.equals(p.get("type")) && number(p.get("node")) == node);
        if (k >= 0) {
            planPos = k + 1;
        } else if (!unplanned.contains(type)) {
            throw new FoldException("node " + node + " " + (type.equals("crash") ? "crashes" : "restarts")
                    + ", but the header's plan has no such " + type + " left");
        }
    }

    private int nextPlanEvent(java.util.function.Predicate<Map<String, Object>> p) {
        for (int k = planPos; k < plan.size(); k++) {
            if (p.test(plan.get(k))) {
                return k;
            }
        }
        return -1;
    }

    private InFlight sameAsSent(TraceMessage m, String what) {
        InFlight f = inflight.get(m.id());
        if (f == null) {
            throw new FoldException("message " + m.id() + " is " + what + " but is not in flight (never sent, or"
                    + " every copy was already delivered or lost)");
        }
        if (!sameMessage(f.msg(), m)) {
            throw new FoldException("message " + m.id() + " is " + what + " as " + describe(m) + " but was sent as "
                    + describe(f.msg()));
        }
        return f;
    }

    /** As {@link #sameAsSent}, and a copy is in flight now (what a delivery or a drop takes). */
    private InFlight withCopy(TraceMessage m, String what) {
        InFlight f = sameAsSent(m, what);
        if (f.copies() == 0) {
            throw new FoldException("message " + m.id() + " is " + what + " but is not in flight (never sent, or"
                    + " every copy was already delivered or lost)");
        }
        return f;
    }

    private static boolean sameMessage(TraceMessage a, TraceMessage b) {
        return a.from() == b.from() && a.to() == b.to() && a.type().equals(b.type()) && sameValue(a.body(), b.body());
    }

    /** Bodies as JSON values: a record held in memory equals its map read from a file. */
    private static boolean sameValue(Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return JSON.valueToTree(a).equals(JSON.valueToTree(b));
    }

    private static String describe(TraceMessage m) {
        return m.type() + " " + m.from() + " -> " + m.to() + (m.body() == null ? "" : " " + m.body());
    }

    private void atEnd(TraceEvent e, TraceMessage m, String what) {
        if (e.node() != m.from() && e.node() != m.to()) {
            throw new FoldException(what + " of message " + m.id() + " is recorded on node " + e.node()
                    + ", which is neither its sender nor its destination");
        }
    }

    /**
     * Takes one copy out of flight. The entry goes with the last copy, unless the link may
     * duplicate: then the network can still produce a copy, which a real receiver records (a
     * duplicate, then a deliver) only when it arrives, after the first.
     */
    private void take(InFlight f) {
        if (f.copies() == 1 && !f.dupable()) {
            inflight.remove(f.msg().id());
        } else {
            inflight.put(f.msg().id(), f.take());
        }
    }

    private void idle(int node, String what) {
        requireUp(node, "has an event");
        TraceMessage p = pending.get(node);
        if (p != null) {
            throw new FoldException(what + " at node " + node + " before it handled the delivery of message "
                    + p.id() + " (" + p.type() + ")");
        }
    }

    private void requireUp(int node, String what) {
        if (!nodes.contains(node)) {
            throw new FoldException("node " + node + ", which is not in the header, " + what);
        }
        if (down.contains(node)) {
            throw new FoldException("node " + node + " " + what + " while crashed");
        }
    }

    private int inc(int node) {
        return inc.getOrDefault(node, 0);
    }

    private boolean reachable(int a, int b) {
        return !servers.contains(a) || !servers.contains(b) || cut.allows(a, b, servers);
    }

    /** The link rule in force on a -> b (the last covering one), or null. */
    private Map<String, Object> rule(int a, int b) {
        for (int k = links.size() - 1; k >= 0; k--) {
            Map<String, Object> r = links.get(k);
            long from = number(r.get("from"));
            long to = number(r.get("to"));
            if (a != b && (from == 0 || from == a) && (to == 0 || to == b)) {
                boolean reset = number(r.get("loss")) == 0 && number(r.get("duplicate")) == 0
                        && number(r.get("reorder")) == 0 && number(r.get("delayMin")) <= 0
                        && number(r.get("delayMax")) <= 0;
                return reset ? null : r;
            }
        }
        return null;
    }

    private boolean lossy(int a, int b) {
        if (reliable) {
            return false;
        }
        Map<String, Object> r = rule(a, b);
        return r == null ? lossPercent > 0 : number(r.get("loss")) > 0;
    }

    private boolean duplicating(int a, int b) {
        if (reliable || !transportDuplicates) {
            return false;
        }
        Map<String, Object> r = rule(a, b);
        return r == null ? duplicatePercent > 0 : number(r.get("duplicate")) > 0;
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static Map<String, Object> asMap(Object o, String what) {
        return JsonObjects.asMap(o, what);
    }
}
