package dev.conform.checker.invariants.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.invariants.StateFolder;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The erasure replay and invariants on a chaos trace of the correct store with a disk loss and a
 * repair of the wiped node ({@code ./conform run erasure --seed 27 --chaos high --horizon 600
 * --option diskLoss=true --option ops=4 --option repairEvery=40}), and on copies of it with one
 * recorded value falsified: each lie is caught by the invariant it is about, at its event.
 */
class ErasureInvariantsTest {
    private static final Path TRACE = Path.of("src/test/resources/erasure/chaos-wipe-repair.ndjson");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ReplayResult replay(Path file, InvariantSet<?> set) {
        try (TraceReader r = TraceReader.open(file)) {
            return new ReplayEngine().replay(EventSource.of(r), set);
        }
    }

    private static InvariantSet<?> erasure() {
        return InvariantRegistry.find("erasure").orElseThrow();
    }

    /** The trace with line {@code line} (1-based, the header is line 1) changed by {@code edit}. */
    private Path edited(int line, Consumer<ObjectNode> edit) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TRACE));
        ObjectNode n = (ObjectNode) JSON.readTree(lines.get(line - 1));
        edit.accept(n);
        lines.set(line - 1, JSON.writeValueAsString(n));
        Path out = tmp.resolve("edited-" + line + ".ndjson");
        Files.write(out, lines);
        return out;
    }

    @Test
    void theChaosTraceWithADiskLossConforms() {
        ReplayResult r = replay(TRACE, erasure());
        assertTrue(r.conforms(), String.valueOf(r.failure()));
        assertEquals(List.of("ReadLatest", "NoMixedRead", "RepairExact", "Durable"),
                r.verdicts().stream().map(ReplayResult.InvariantVerdict::name).toList());
        assertEquals(Map.of("ReadCompleted", true, "ShardRepaired", true), r.coverage().reached());
    }

    /** Fail closed: checks that do not model disk loss reject the wipe, whatever else they accept. */
    @Test
    void aSetWithoutDiskLossRejectsTheWipe() {
        InvariantSet<ErasureTraceState> real = new ErasureInvariants();
        InvariantSet<ErasureTraceState> durableDisks = new InvariantSet<>() {
            @Override
            public String algorithm() {
                return real.algorithm();
            }

            @Override
            public StateFolder<ErasureTraceState> folder() {
                return real.folder();
            }

            @Override
            public List<Invariant<ErasureTraceState>> invariants() {
                return real.invariants();
            }

            @Override
            public Map<String, Set<String>> consumers() {
                return real.consumers();
            }
        };
        ReplayResult.Failure f = replay(TRACE, durableDisks).failure();
        assertNull(f.invariant());
        assertEquals(276, f.event());
        assertTrue(f.message().contains("fault wipe (disk loss) at node 4, but the checks of this algorithm do not model"
                + " disk loss"), f.message());
    }

    @Test
    void aWipeOfANodeThatIsUpIsRejected() throws IOException {
        // node 4's crash before the wipe becomes a timer: the node is up when its disk is "lost"
        Path p = edited(264, n -> {
            n.put("kind", "timer");
            n.put("action", "tick");
        });
        ReplayResult.Failure f = replay(p, erasure()).failure();
        assertNull(f.invariant());
        assertEquals(276, f.event());
        assertTrue(f.message().contains("node 4's disk is wiped while it is up"), f.message());
    }

    @Test
    void aRestartAfterAWipeMustStartFromNothing() throws IOException {
        Path p = edited(280, n -> n.set("state", JSON.valueToTree(Map.of(
                "shards", Map.of("k1", Map.of("4", Map.of("data", "514703", "length", 6))),
                "committed", Map.of("k1", 4)))));
        ReplayResult.Failure f = replay(p, erasure()).failure();
        assertNull(f.invariant());
        assertEquals(279, f.event());
        assertTrue(f.message().contains("not empty, as its disk was wiped"), f.message());
    }

    @Test
    void aRepairedShardThatIsNotTheWrittenOneBreaksRepairExact() throws IOException {
        Path p = edited(304, n -> ((ObjectNode) n.get("msg").get("body")).put("data", "514700"));
        ReplayResult r = replay(p, erasure());
        assertEquals("RepairExact", r.failure().invariant());
        assertEquals(303, r.failure().event());
        assertTrue(r.failure().message().contains("as 514700, but the write sent 514703"), r.failure().message());
    }

    @Test
    void aRepairFromShardsOfTwoVersionsBreaksNoMixedRead() throws IOException {
        Path p = edited(303, n -> ((ObjectNode) n.get("state")).set("used", JSON.valueToTree(List.of(
                List.of(0, 4), List.of(1, 3)))));
        ReplayResult r = replay(p, erasure());
        assertEquals("NoMixedRead", r.failure().invariant());
        assertEquals(302, r.failure().event());
    }

    @Test
    void aReadAnsweringAnotherValueBreaksReadLatest() throws IOException {
        Path p = edited(392, n -> ((ObjectNode) n.get("msg").get("body")).put("value", "c102v0"));
        ReplayResult r = replay(p, erasure());
        assertEquals("ReadLatest", r.failure().invariant());
        assertEquals(391, r.failure().event());
        assertTrue(r.failure().message().contains("returns 'c102v0', but version 6 holds 'c101v2'"), r.failure().message());
    }

    @Test
    void aReadOfAnOlderVersionThanAcknowledgedBreaksReadLatest() throws IOException {
        Path p = edited(391, n -> ((ObjectNode) n.get("state")).set("used", JSON.valueToTree(List.of(
                List.of(0, 5), List.of(2, 5)))));
        ReplayResult r = replay(p, erasure());
        assertEquals("ReadLatest", r.failure().invariant());
        assertEquals(391, r.failure().event());
        assertTrue(r.failure().message().contains("returns version 5, older than version 6 acknowledged before"),
                r.failure().message());
    }

    /** A storage node whose recorded shards differ from what its step gives: rejected at that step. */
    @Test
    void aStorageStateTheStepDoesNotGiveIsRejected() throws IOException {
        Path p = edited(48, n -> ((ObjectNode) n.get("state")).set("shards", JSON.createObjectNode()));
        ReplayResult.Failure f = replay(p, erasure()).failure();
        assertNull(f.invariant());
        assertEquals(47, f.event());
        assertTrue(f.message().contains("HandleCommit at storage node 2 records shards {} and committed {k1=1}; the step"
                + " gives {k1={1=Held[data=633130, length=6]}}"), f.message());
    }

    /**
     * Durable on the state: a committed version needs k holders while at most W - k disks were
     * lost, and is not judged once more were (no code survives that).
     */
    @Test
    void durableCountsHoldersOfTheCommittedVersion() {
        ErasureTraceState s = new ErasureTraceState(2, 3, 1, List.of(2, 3, 4));
        s.committed = new java.util.TreeMap<>(Map.of("k", 2L));
        assertTrue(!s.durable(), "no holder at all");
        for (int node : new int[] {2, 3}) {
            s.shards.get(node).put("k", new java.util.TreeMap<>(Map.of(2L, new ErasureTraceState.Held("00", 1))));
        }
        s.shards.get(4).put("k", new java.util.TreeMap<>(Map.of(1L, new ErasureTraceState.Held("01", 1))));
        assertTrue(s.durable(), "two holders of version 2");
        s.shards.get(3).clear();
        assertTrue(!s.durable(), "one holder of version 2 (node 4 holds only version 1)");
        assertTrue(s.toString().contains("key k's committed version 2 is held by 1 storage node(s) [2], fewer than k = 2"),
                s.toString());
        s.wipes = 2;
        assertTrue(s.durable(), "two disks lost: more than W - k, nothing is promised");
    }
}
