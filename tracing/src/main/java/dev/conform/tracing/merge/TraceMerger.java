package dev.conform.tracing.merge;

import dev.conform.tracing.Clocks;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.TraceSink;
import dev.conform.tracing.VectorClock;
import dev.conform.tracing.io.TraceReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Merges per-node traces (each node's events with vector clocks, no global sequence numbers)
 * into one causally consistent trace and numbers the events 1, 2, 3, ...
 *
 * <p>The order is a deterministic topological order of happened-before: an event is ready once
 * every event its vector clock knows of has been placed; among ready events the one with the
 * smallest clock sum goes first (an approximation of real time), ties broken by the smaller node
 * id. A send whose message is delivered after the receiver restarted also waits for that restart
 * ({@link IncarnationOrder}, from a first pass over the inputs). Only the next unplaced event of
 * each node is held in the merge pass, so files are streamed.
 *
 * <p>Rejected with {@link TraceMergeException}: events without a vector clock; a node's own
 * entry not growing by exactly one per event; a node appearing in two inputs; an event that
 * knows of more events of a node than that node recorded (gap); events waiting on each other
 * (cycle); a delivery whose clock does not dominate its send's, or that is placed before its
 * send (contradiction).
 */
public final class TraceMerger {
    private TraceMerger() {
    }

    /**
     * Reads per-node NDJSON files and writes the merged trace (header included) to {@code out}.
     *
     * @return the number of events written
     */
    public static long merge(List<Path> files, TraceSink out) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no traces to merge");
        }
        List<TraceReader> readers = new ArrayList<>();
        try {
            for (Path f : files) {
                readers.add(TraceReader.open(f, TraceReader.Options.defaults().withNodeCheck(false)));
            }
            List<MergeSource> sources = new ArrayList<>();
            List<TraceHeader> headers = new ArrayList<>();
            for (TraceReader r : readers) {
                sources.add(new ReaderSource(r));
                headers.add(r.header());
            }
            out.header(mergeHeaders(headers, files));
            IncarnationOrder incarnations = new IncarnationOrder();
            for (Path f : files) {
                try (TraceReader r = TraceReader.open(f, TraceReader.Options.defaults().withNodeCheck(false))) {
                    for (TraceEvent e = r.next(); e != null; e = r.next()) {
                        incarnations.accept(e);
                    }
                }
            }
            return run(sources, incarnations, out::event);
        } finally {
            for (TraceReader r : readers) {
                r.close();
            }
        }
    }

    /** Merges in-memory per-node event lists; returns the merged events with sequence numbers. */
    public static List<TraceEvent> merge(List<List<TraceEvent>> perNode) {
        List<MergeSource> sources = new ArrayList<>();
        IncarnationOrder incarnations = new IncarnationOrder();
        for (int i = 0; i < perNode.size(); i++) {
            sources.add(new ListSource("input " + (i + 1), perNode.get(i)));
            perNode.get(i).forEach(incarnations::accept);
        }
        List<TraceEvent> out = new ArrayList<>();
        run(sources, incarnations, out::add);
        return out;
    }

    static TraceHeader mergeHeaders(List<TraceHeader> headers, List<Path> files) {
        TraceHeader first = headers.get(0);
        TreeSet<Integer> nodes = new TreeSet<>();
        Map<String, TreeSet<Integer>> roles = new java.util.LinkedHashMap<>();
        boolean anyRoles = false;
        Long seed = first.seed();
        Object plan = null;
        for (int i = 0; i < headers.size(); i++) {
            TraceHeader h = headers.get(i);
            if (!h.algorithm().equals(first.algorithm())) {
                throw new TraceMergeException(files.get(i) + ": algorithm \"" + h.algorithm()
                        + "\" differs from \"" + first.algorithm() + "\" in " + files.get(0));
            }
            nodes.addAll(h.nodes());
            if (h.roles() != null) {
                anyRoles = true;
                h.roles().forEach((role, ids) -> roles.computeIfAbsent(role, k -> new TreeSet<>()).addAll(ids));
            }
            if (seed != null && !seed.equals(h.seed())) {
                seed = null;
            }
            if (plan == null) {
                plan = h.faultPlan();
            }
        }
        Map<String, List<Integer>> mergedRoles = null;
        if (anyRoles) {
            mergedRoles = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, TreeSet<Integer>> r : roles.entrySet()) {
                mergedRoles.put(r.getKey(), List.copyOf(r.getValue()));
            }
            String bad = TraceHeader.rolesProblem(List.copyOf(nodes), mergedRoles);
            if (bad != null) {
                throw new TraceMergeException("the per-node headers disagree on roles: " + bad);
            }
        }
        return new TraceHeader(TraceHeader.SCHEMA_VERSION, first.algorithm(), List.copyOf(nodes), seed, plan,
                first.producer() + " (merged by conform)", first.params(), mergedRoles);
    }

    private static final class Head {
        final MergeSource source;
        final int node;
        TraceEvent event;
        String position;
        long placed;

        Head(MergeSource source, TraceEvent first) {
            this.source = source;
            this.node = first.node();
            this.event = first;
            this.position = source.position();
        }
    }

    private static long run(List<MergeSource> sources, IncarnationOrder incarnations, Consumer<TraceEvent> out) {
        Map<Integer, Head> heads = new HashMap<>();
        List<Head> order = new ArrayList<>();
        try {
            for (MergeSource s : sources) {
                TraceEvent first = s.next();
                if (first == null) {
                    continue;
                }
                Head h = new Head(s, first);
                checkEvent(h, first);
                Head other = heads.put(h.node, h);
                if (other != null) {
                    throw new TraceMergeException("node " + h.node + " appears in two inputs: " + other.source.name()
                            + " and " + s.name());
                }
                order.add(h);
            }
            order.sort((a, b) -> Integer.compare(a.node, b.node));
            Map<Long, VectorClock> sendClocks = new HashMap<>();
            Set<Long> deliveredBeforeSend = new HashSet<>();
            Map<Long, String> deliveredAt = new HashMap<>();
            long seq = 0;
            while (true) {
                Head best = null;
                long bestSum = 0;
                boolean anyLeft = false;
                for (Head h : order) {
                    if (h.event == null) {
                        continue;
                    }
                    anyLeft = true;
                    if (!ready(h, heads) || !restarted(h, heads, incarnations)) {
                        continue;
                    }
                    long sum = sum(h.event.vc());
                    if (best == null || sum < bestSum) {
                        best = h;
                        bestSum = sum;
                    }
                }
                if (!anyLeft) {
                    return seq;
                }
                if (best == null) {
                    throw stuck(order, heads, incarnations);
                }
                TraceEvent e = best.event;
                checkMessage(e, best.position, sendClocks, deliveredBeforeSend, deliveredAt);
                seq++;
                out.accept(new TraceEvent(seq, e.node(), e.kind(), e.action(), e.msg(), e.state(), e.lamport(),
                        e.vc()));
                best.placed++;
                advance(best);
            }
        } finally {
            for (MergeSource s : sources) {
                s.close();
            }
        }
    }

    private static void advance(Head h) {
        TraceEvent next = h.source.next();
        if (next == null) {
            h.event = null;
            return;
        }
        h.position = h.source.position();
        if (next.node() != h.node) {
            throw new TraceMergeException(h.position + ": event of node " + next.node() + " in the trace of node "
                    + h.node + " (one node per input)");
        }
        h.event = next;
        checkEvent(h, next);
    }

    private static void checkEvent(Head h, TraceEvent e) {
        if (e.vc() == null) {
            throw new TraceMergeException(h.position + ": event has no vector clock (merging needs \"vc\" on every event)");
        }
        long own = e.vc().get(h.node);
        long expected = Clocks.nextOwnEntry(h.placed);
        if (own != expected) {
            throw new TraceMergeException(h.position + ": gap in node " + h.node + "'s own clock: entry is " + own
                    + ", expected " + expected);
        }
    }

    private static boolean ready(Head h, Map<Integer, Head> heads) {
        for (Map.Entry<Integer, Long> en : h.event.vc().asMap().entrySet()) {
            int m = en.getKey();
            if (m == h.node) {
                continue;
            }
            Head other = heads.get(m);
            long placed = other == null ? 0 : other.placed;
            if (en.getValue() > placed) {
                return false;
            }
        }
        return true;
    }

    /** Whether the receiver has placed the restart a send waits for ({@link IncarnationOrder}). */
    private static boolean restarted(Head h, Map<Integer, Head> heads, IncarnationOrder incarnations) {
        IncarnationOrder.Wait w = incarnations.waitOf(h.event);
        if (w == null || w.node() == h.node) {
            return true;
        }
        Head receiver = heads.get(w.node());
        return receiver != null && receiver.placed >= w.events();
    }

    private static long sum(VectorClock vc) {
        long s = 0;
        for (long v : vc.asMap().values()) {
            s += v;
        }
        return s;
    }

    private static TraceMergeException stuck(List<Head> order, Map<Integer, Head> heads, IncarnationOrder incarnations) {
        StringBuilder cycle = new StringBuilder();
        for (Head h : order) {
            if (h.event == null) {
                continue;
            }
            if (!restarted(h, heads, incarnations)) {
                IncarnationOrder.Wait w = incarnations.waitOf(h.event);
                if (cycle.length() > 0) {
                    cycle.append("; ");
                }
                cycle.append(h.position).append(" (a send delivered after node ").append(w.node())
                        .append(" restarted) waits for event ").append(w.events()).append(" of node ").append(w.node());
                continue;
            }
            for (Map.Entry<Integer, Long> en : h.event.vc().asMap().entrySet()) {
                int m = en.getKey();
                if (m == h.node) {
                    continue;
                }
                Head other = heads.get(m);
                long placed = other == null ? 0 : other.placed;
                if (en.getValue() <= placed) {
                    continue;
                }
                if (other == null || other.event == null) {
                    long recorded = other == null ? 0 : other.placed;
                    return new TraceMergeException(h.position + ": gap: the event knows of " + en.getValue()
                            + " events of node " + m + ", but node " + m + "'s trace has only " + recorded);
                }
                if (cycle.length() > 0) {
                    cycle.append("; ");
                }
                cycle.append(h.position).append(" waits for event ").append(en.getValue()).append(" of node ")
                        .append(m);
                break;
            }
        }
        return new TraceMergeException("cycle: the clocks order these events after each other: " + cycle);
    }

    private static void checkMessage(TraceEvent e, String position, Map<Long, VectorClock> sendClocks,
                                     Set<Long> deliveredBeforeSend, Map<Long, String> deliveredAt) {
        TraceMessage m = e.msg();
        if (m == null) {
            return;
        }
        switch (e.kind()) {
            case SEND -> {
                if (deliveredBeforeSend.contains(m.id())) {
                    throw new TraceMergeException(position + ": contradiction: message " + m.id()
                            + " is sent after its delivery at " + deliveredAt.get(m.id())
                            + " (the receiver's clock does not include the send)");
                }
                sendClocks.put(m.id(), e.vc());
            }
            case DELIVER -> {
                VectorClock sent = sendClocks.get(m.id());
                if (sent == null) {
                    deliveredBeforeSend.add(m.id());
                    deliveredAt.putIfAbsent(m.id(), position);
                } else if (!sent.lessOrEqual(e.vc())) {
                    throw new TraceMergeException(position + ": contradiction: the delivery of message " + m.id()
                            + " has clock " + e.vc() + ", not above its send's " + sent);
                }
            }
            default -> {
            }
        }
    }

    private static final class ReaderSource implements MergeSource {
        private final TraceReader reader;

        ReaderSource(TraceReader reader) {
            this.reader = reader;
        }

        @Override
        public TraceEvent next() {
            return reader.next();
        }

        @Override
        public String position() {
            return reader.file() + ":" + reader.line();
        }

        @Override
        public String name() {
            return reader.file();
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    private static final class ListSource implements MergeSource {
        private final String name;
        private final Iterator<TraceEvent> it;
        private int index;

        ListSource(String name, List<TraceEvent> events) {
            this.name = name;
            this.it = events.iterator();
        }

        @Override
        public TraceEvent next() {
            if (!it.hasNext()) {
                return null;
            }
            index++;
            return it.next();
        }

        @Override
        public String position() {
            return name + " event " + index;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void close() {
        }
    }
}
