package dev.conform.tracing.merge;

import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.VectorClock;
import dev.conform.tracing.io.NdjsonSink;
import dev.conform.tracing.io.TraceReader;
import dev.conform.tracing.io.TraceSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceMergerTest {
    @TempDir
    Path dir;

    /** Splits a global trace into per-node traces without sequence numbers. */
    private static List<List<TraceEvent>> split(List<TraceEvent> global) {
        Map<Integer, List<TraceEvent>> byNode = new java.util.TreeMap<>();
        for (TraceEvent e : global) {
            byNode.computeIfAbsent(e.node(), k -> new ArrayList<>())
                    .add(new TraceEvent(-1, e.node(), e.kind(), e.action(), e.msg(), e.state(), e.lamport(), e.vc()));
        }
        return new ArrayList<>(byNode.values());
    }

    @Test
    void mergesThreeNodeInterleavingsIntoACausalOrder() throws Exception {
        for (long seed = 1; seed <= 40; seed++) {
            List<TraceEvent> global = TraceSamples.events(seed, 3, 200);
            List<List<TraceEvent>> perNode = split(global);
            List<TraceEvent> merged = TraceMerger.merge(perNode);
            assertEquals(global.size(), merged.size());
            // each node's own order is kept, sequence numbers are 1..n
            Map<Integer, Integer> next = new HashMap<>();
            for (int i = 0; i < merged.size(); i++) {
                TraceEvent e = merged.get(i);
                assertEquals(i + 1, e.seq());
                int k = next.merge(e.node(), 1, Integer::sum) - 1;
                TraceEvent orig = perNode.stream().filter(l -> l.get(0).node() == e.node()).findFirst().get().get(k);
                assertEquals(orig.vc(), e.vc());
                assertEquals(orig.msg(), e.msg());
            }
            // every send precedes its deliveries; the strict reader (which checks clocks) accepts it
            Path f = dir.resolve("m" + seed + ".ndjson");
            try (NdjsonSink sink = new NdjsonSink(f)) {
                sink.header(TraceSamples.header(3));
                merged.forEach(sink::event);
            }
            assertEquals(merged, TraceReader.readAll(f));
            // deterministic, whatever the order of the inputs
            List<List<TraceEvent>> reversed = new ArrayList<>(perNode);
            java.util.Collections.reverse(reversed);
            assertEquals(merged, TraceMerger.merge(reversed));
        }
    }

    @Test
    void mergesFilesAndWritesAReadableTrace() {
        List<TraceEvent> global = TraceSamples.events(99, 3, 150);
        List<Path> files = new ArrayList<>();
        for (List<TraceEvent> node : split(global)) {
            Path f = dir.resolve("node" + node.get(0).node() + ".ndjson");
            TraceHeader h = new TraceHeader(1, "raft", List.of(node.get(0).node()), null, null, "node-process", Map.of());
            try (NdjsonSink sink = new NdjsonSink(f)) {
                sink.header(h);
                node.forEach(sink::event);
            }
            files.add(f);
        }
        Path out = dir.resolve("merged.ndjson");
        long n;
        try (NdjsonSink sink = new NdjsonSink(out)) {
            n = TraceMerger.merge(files, sink);
        }
        assertEquals(global.size(), n);
        try (TraceReader r = TraceReader.open(out)) {
            assertEquals(List.of(1, 2, 3), r.header().nodes());
            long count = 0;
            while (r.next() != null) {
                count++;
            }
            assertEquals(n, count);
        }
    }

    private static TraceEvent ev(int node, EventKind kind, TraceMessage m, Map<Integer, Long> vc) {
        return new TraceEvent(-1, node, kind, kind == EventKind.ACTION ? "A" : null, m, null, -1, VectorClock.of(vc));
    }

    /**
     * A client's first request is concurrent with everything the server did, but the server took
     * it in after a restart: the send goes after that restart, not before the crash (where it
     * would have been lost with the crashed process's connections).
     */
    @Test
    void aSendDeliveredAfterARestartIsPlacedAfterThatRestart() {
        TraceMessage m = new TraceMessage(7, 101, 1, "ClientRequest", null);
        List<List<TraceEvent>> perNode = List.of(
                List.of(ev(1, EventKind.ACTION, null, Map.of(1, 1L)),
                        ev(1, EventKind.CRASH, null, Map.of(1, 2L)),
                        ev(1, EventKind.RESTART, null, Map.of(1, 3L)),
                        ev(1, EventKind.DELIVER, m, Map.of(1, 4L, 101, 1L))),
                List.of(ev(101, EventKind.SEND, m, Map.of(101, 1L))));
        List<EventKind> kinds = TraceMerger.merge(perNode).stream().map(TraceEvent::kind).toList();
        assertEquals(List.of(EventKind.ACTION, EventKind.CRASH, EventKind.RESTART, EventKind.SEND, EventKind.DELIVER),
                kinds);
    }

    @Test
    void rejectsAGapInANodesOwnClock() {
        List<List<TraceEvent>> perNode = split(TraceSamples.events(5, 3, 100));
        perNode.get(1).remove(2);
        TraceMergeException e = assertThrows(TraceMergeException.class, () -> TraceMerger.merge(perNode));
        assertTrue(e.getMessage().contains("input 2 event 3: gap in node 2's own clock: entry is 4, expected 3"),
                e.getMessage());
    }

    @Test
    void rejectsEventsThatKnowOfUnrecordedEvents() {
        TraceMessage m = new TraceMessage(1, 1, 2, "M", null);
        List<List<TraceEvent>> perNode = List.of(
                List.of(ev(1, EventKind.ACTION, null, Map.of(1, 1L))),
                List.of(ev(2, EventKind.DELIVER, m, Map.of(1, 2L, 2, 1L))));
        TraceMergeException e = assertThrows(TraceMergeException.class, () -> TraceMerger.merge(perNode));
        assertTrue(e.getMessage().contains("input 2 event 1: gap: the event knows of 2 events of node 1, but node 1's trace has only 1"),
                e.getMessage());
    }

    @Test
    void rejectsACycle() {
        List<List<TraceEvent>> perNode = List.of(
                List.of(ev(1, EventKind.ACTION, null, Map.of(1, 1L, 2, 1L))),
                List.of(ev(2, EventKind.ACTION, null, Map.of(1, 1L, 2, 1L))));
        TraceMergeException e = assertThrows(TraceMergeException.class, () -> TraceMerger.merge(perNode));
        assertTrue(e.getMessage().startsWith("cycle: "), e.getMessage());
        assertTrue(e.getMessage().contains("input 1 event 1 waits for event 1 of node 2"), e.getMessage());
    }

    @Test
    void rejectsDeliveriesThatContradictTheirSends() {
        TraceMessage m = new TraceMessage(7, 1, 2, "M", null);
        // the receiver did not merge the sender's clock: placed after the send, not dominating it
        List<List<TraceEvent>> notAbove = List.of(
                List.of(ev(1, EventKind.SEND, m, Map.of(1, 1L))),
                List.of(ev(2, EventKind.DELIVER, m, Map.of(2, 1L))));
        TraceMergeException e = assertThrows(TraceMergeException.class, () -> TraceMerger.merge(notAbove));
        assertTrue(e.getMessage().contains("contradiction: the delivery of message 7"), e.getMessage());
        // ... and when the send comes later in the causal order, the delivery precedes it
        List<List<TraceEvent>> before = List.of(
                List.of(ev(1, EventKind.ACTION, null, Map.of(1, 1L)), ev(1, EventKind.SEND, m, Map.of(1, 2L))),
                List.of(ev(2, EventKind.DELIVER, m, Map.of(2, 1L))));
        e = assertThrows(TraceMergeException.class, () -> TraceMerger.merge(before));
        assertTrue(e.getMessage().contains("input 1 event 2: contradiction: message 7 is sent after its delivery at input 2 event 1"),
                e.getMessage());
    }

    @Test
    void rejectsEventsWithoutClocksAndNodesInTwoInputs() {
        List<List<TraceEvent>> noVc = List.of(List.of(
                new TraceEvent(-1, 1, EventKind.ACTION, "A", null, null, -1, null)));
        assertTrue(assertThrows(TraceMergeException.class, () -> TraceMerger.merge(noVc)).getMessage()
                .contains("no vector clock"));
        List<List<TraceEvent>> twice = List.of(
                List.of(ev(1, EventKind.ACTION, null, Map.of(1, 1L))),
                List.of(ev(1, EventKind.ACTION, null, Map.of(1, 1L))));
        assertTrue(assertThrows(TraceMergeException.class, () -> TraceMerger.merge(twice)).getMessage()
                .contains("node 1 appears in two inputs"));
    }
}
