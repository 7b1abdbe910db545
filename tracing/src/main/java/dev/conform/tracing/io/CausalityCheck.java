package dev.conform.tracing.io;

import dev.conform.tracing.Clocks;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.VectorClock;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cross-line rules of a trace: sequence numbers strictly increase, each node's Lamport clock
 * increases, each node's own vector-clock entry grows by exactly one per event and its clock
 * never goes back, and a delivery's clocks dominate its send's (the rule of {@link Clocks}, which
 * every runtime of ours records with). Memory is bounded by the number
 * of nodes plus the capped table of sends not yet delivered.
 */
final class CausalityCheck {
    private final String file;
    private final int maxPendingSends;
    /** Line of the event being checked: every rule here is reported at its first column. */
    private long line;

    private Boolean seqPresent;
    private long lastSeq = -1;
    private long lastSeqLine;
    private final Map<Integer, NodeClock> nodes = new HashMap<>();
    /** The same clocks by id for small ids, looked up without boxing. */
    private final NodeClock[] small = new NodeClock[SMALL_IDS];
    private static final int SMALL_IDS = 1024;
    private final LinkedHashMap<Long, PendingSend> pending;

    private static final class NodeClock {
        boolean hasLamport;
        long lamport = -1;
        boolean hasVc;
        VectorClock vc;
        long events;
        long lastLine;
    }

    /** What a delivery is checked against; not the message itself, whose body may be large. */
    private record PendingSend(int from, int to, String type, VectorClock vc, long lamport, long line, int copies) {
        PendingSend withCopies(int n) {
            return new PendingSend(from, to, type, vc, lamport, line, n);
        }
    }

    CausalityCheck(String file, int maxPendingSends) {
        this.file = file;
        this.maxPendingSends = maxPendingSends;
        this.pending = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, PendingSend> eldest) {
                return size() > CausalityCheck.this.maxPendingSends;
            }
        };
    }

    void check(TraceEvent e, long line) {
        this.line = line;
        checkSeq(e, line);
        NodeClock nc = clock(e.node());
        boolean first = nc == null;
        if (first) {
            nc = new NodeClock();
            nc.hasLamport = e.lamport() >= 0;
            nc.hasVc = e.vc() != null;
            nodes.put(e.node(), nc);
            if (e.node() >= 0 && e.node() < SMALL_IDS) {
                small[e.node()] = nc;
            }
        }
        checkLamport(e, nc, first);
        checkVectorClock(e, nc);
        checkMessage(e, line);
        nc.events++;
        nc.lastLine = line;
    }

    private NodeClock clock(int node) {
        return node >= 0 && node < SMALL_IDS ? small[node] : nodes.get(node);
    }

    private void checkSeq(TraceEvent e, long line) {
        boolean has = e.seq() >= 0;
        if (seqPresent == null) {
            seqPresent = has;
        } else if (seqPresent != has) {
            throw fail(has
                    ? "event has \"seq\" but earlier events have none (all events carry seq, or none)"
                    : "event has no \"seq\" but earlier events do (all events carry seq, or none)");
        }
        if (has) {
            if (e.seq() == lastSeq) {
                throw fail("duplicate sequence number " + e.seq() + " (also on line " + lastSeqLine + ")");
            }
            if (e.seq() < lastSeq) {
                throw fail("sequence number " + e.seq() + " is below the previous one, "
                        + lastSeq + " on line " + lastSeqLine);
            }
            lastSeq = e.seq();
            lastSeqLine = line;
        }
    }

    private void checkLamport(TraceEvent e, NodeClock nc, boolean first) {
        boolean has = e.lamport() >= 0;
        if (has != nc.hasLamport) {
            throw fail("node " + e.node() + (has ? " has a Lamport clock here but not on line "
                    : " has no Lamport clock here but had one on line ") + nc.lastLine
                    + " (a node's events carry \"lamport\" on all events or none)");
        }
        if (has && !first && e.lamport() <= nc.lamport) {
            throw fail("Lamport clock " + e.lamport() + " of node " + e.node()
                    + " does not increase (it was " + nc.lamport + " on line " + nc.lastLine + ")");
        }
        nc.lamport = e.lamport();
    }

    private void checkVectorClock(TraceEvent e, NodeClock nc) {
        VectorClock vc = e.vc();
        boolean has = vc != null;
        if (has != nc.hasVc) {
            throw fail("node " + e.node() + (has ? " has a vector clock here but not on line "
                    : " has no vector clock here but had one on line ") + nc.lastLine
                    + " (a node's events carry \"vc\" on all events or none)");
        }
        if (!has) {
            return;
        }
        long own = vc.get(e.node());
        long expected = Clocks.nextOwnEntry(nc.vc == null ? 0 : nc.vc.get(e.node()));
        if (own != expected) {
            throw fail("vector clock entry of node " + e.node() + " for itself is " + own
                    + ", expected " + expected + " (it grows by one per event of the node)");
        }
        if (nc.vc != null && !nc.vc.lessOrEqual(vc)) {
            int node = firstGreater(nc.vc, vc);
            throw fail("vector clock of node " + e.node() + " went back in the entry of node " + node
                    + " (" + nc.vc.get(node) + " on line " + nc.lastLine + ", now " + vc.get(node) + ")");
        }
        if (Boolean.TRUE.equals(seqPresent)) {
            // In a globally ordered trace every event this one knows of must already be in the file.
            for (int i = 0; i < vc.size(); i++) {
                int other = vc.nodeAt(i);
                if (other == e.node()) {
                    continue;
                }
                NodeClock oc = clock(other);
                long known = oc == null || oc.vc == null ? 0 : oc.vc.get(other);
                if (vc.countAt(i) > known) {
                    throw fail("vector clock says node " + e.node() + " knows of " + vc.countAt(i)
                            + " events of node " + other + ", but only " + known
                            + " precede this line (events out of causal order)");
                }
            }
        }
        nc.vc = vc;
    }

    private void checkMessage(TraceEvent e, long line) {
        TraceMessage m = e.msg();
        if (m == null) {
            return;
        }
        EventKind k = e.kind();
        if (k == EventKind.SEND) {
            if (e.node() != m.from()) {
                throw fail("send recorded on node " + e.node() + " but the message is from node " + m.from());
            }
            PendingSend prev = pending.get(m.id());
            if (prev != null) {
                throw fail("message id " + m.id() + " sent again (first sent on line " + prev.line() + ")");
            }
            pending.put(m.id(), new PendingSend(m.from(), m.to(), m.type(), e.vc(), e.lamport(), line, 1));
            return;
        }
        if (k == EventKind.DELIVER && e.node() != m.to()) {
            throw fail("deliver recorded on node " + e.node() + " but the message is to node " + m.to());
        }
        PendingSend s = pending.get(m.id());
        if (s == null) {
            return;
        }
        if (s.from() != m.from() || s.to() != m.to() || !s.type().equals(m.type())) {
            throw fail("message id " + m.id() + " is " + TraceFormatException.quote(m.type()) + " " + m.from() + "->"
                    + m.to() + " here but " + TraceFormatException.quote(s.type()) + " " + s.from() + "->" + s.to()
                    + " when sent on line " + s.line());
        }
        switch (k) {
            case DUPLICATE -> pending.put(m.id(), s.withCopies(s.copies() + 1));
            case DROP -> release(m.id(), s);
            case DELIVER -> {
                if (s.vc() != null && e.vc() != null && !s.vc().lessOrEqual(e.vc())) {
                    int node = firstGreater(s.vc(), e.vc());
                    throw fail("deliver of message " + m.id() + " does not follow its send: vector clock entry of node "
                            + node + " is " + e.vc().get(node) + " here but " + s.vc().get(node)
                            + " at the send on line " + s.line());
                }
                if (s.lamport() >= 0 && e.lamport() >= 0 && !Clocks.deliveryAfterSend(s.lamport(), e.lamport())) {
                    throw fail("deliver of message " + m.id() + " has Lamport clock " + e.lamport()
                            + ", not above " + s.lamport() + " of its send on line " + s.line());
                }
                release(m.id(), s);
            }
            default -> {
            }
        }
    }

    private void release(long id, PendingSend s) {
        if (s.copies() <= 1) {
            pending.remove(id);
        } else {
            pending.put(id, s.withCopies(s.copies() - 1));
        }
    }

    private static int firstGreater(VectorClock a, VectorClock b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.countAt(i) > b.get(a.nodeAt(i))) {
                return a.nodeAt(i);
            }
        }
        return -1;
    }

    private TraceFormatException fail(String reason) {
        return new TraceFormatException(file, line, 1, reason);
    }
}
