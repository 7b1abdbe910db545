package dev.conform.checker.invariants.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.checker.invariants.EventSource;
import dev.conform.checker.invariants.InvariantRegistry;
import dev.conform.checker.invariants.ReplayEngine;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sends an honest replica owes, on good traces of the four gate variants recorded by the
 * simulator (src/test/resources/pbft/README.md): each validates; deleting one honest send of each
 * owed type is rejected naming the replica and the send; a header claiming a smaller checkpoint
 * interval than the run's is rejected for the Checkpoint it then owes.
 */
class PbftOwedSendsTest {
    private static final Path DIR = Path.of("src/test/resources/pbft");

    record Trace(TraceHeader header, List<TraceEvent> events) {
    }

    static Trace load(String name) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DIR.resolve(name + ".ndjson.gz")));
             TraceReader r = TraceReader.of(in, name)) {
            List<TraceEvent> events = new ArrayList<>();
            for (TraceEvent e; (e = r.next()) != null; ) {
                events.add(e);
            }
            return new Trace(r.header(), events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplayResult replay(TraceHeader header, List<TraceEvent> events) {
        return new ReplayEngine().replay(EventSource.of(header, events), InvariantRegistry.find("pbft").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"checkpoint-4-s3", "checkpoint-2-s4", "crash-only-s4", "view-churn-s6"})
    void goodTracesOfEveryGateVariantConform(String name) {
        Trace t = load(name);
        ReplayResult r = replay(t.header(), t.events());
        assertNull(r.failure(), () -> name + ": " + r.failure().message());
        assertTrue(r.coverage().reached().get("CheckpointStable"), name);
        assertTrue(r.coverage().reached().get("ViewChanged"), name);
    }

    /** The Byzantine chaos fixtures really have a Byzantine replica (which owes nothing). */
    @ParameterizedTest
    @ValueSource(strings = {"checkpoint-4-s3", "checkpoint-2-s4"})
    void theByzantineFixturesHaveAByzantineReplica(String name) {
        assertEquals(1, byzantine(load(name).events()).size(), name);
    }

    /**
     * Deletes replica i's first send of {@code type} whose message was never delivered (with the
     * loss and duplication events of that message; seqs renumbered): the delivery-free lie only the
     * owed-send rule can see.
     */
    @ParameterizedTest
    @CsvSource({
        "checkpoint-2-s4, PrePrepare", "checkpoint-2-s4, Prepare", "checkpoint-2-s4, Commit",
        "checkpoint-2-s4, Checkpoint", "checkpoint-2-s4, Reply", "checkpoint-2-s4, ViewChange",
        "checkpoint-2-s4, NewView",
        "crash-only-s4, PrePrepare", "crash-only-s4, Prepare", "crash-only-s4, Commit",
        "crash-only-s4, Checkpoint", "crash-only-s4, Reply", "crash-only-s4, ViewChange",
        "crash-only-s4, NewView"})
    void deletingAnOwedHonestSendIsRejected(String name, String type) {
        Trace t = load(name);
        TraceEvent send = undeliveredHonestSend(t, type);
        assertNotNull(send, name + " has no undelivered honest " + type + " send");
        List<TraceEvent> mutant = new ArrayList<>();
        for (TraceEvent e : t.events()) {
            if (e.msg() == null || e.msg().id() != send.msg().id()) {
                mutant.add(renumbered(e, mutant.size() + 1));
            }
        }
        ReplayResult r = replay(t.header(), mutant);
        assertNotNull(r.failure(), name + " without send " + send.seq() + " conforms");
        String msg = r.failure().message();
        String owed = "the " + type + " " + key(type, fields(send)) + " to " + send.msg().to();
        String replica = "replica " + send.node() + " ";
        assertTrue(msg.contains(replica + "went on (") && msg.contains(" without " + owed + " its ")
                || msg.contains(replica + "ended the trace owing " + owed), msg);
    }

    /** A K=4 run whose header claims checkpointEvery 1 or 2 owes Checkpoints the run never sent. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aHeaderWithASmallerCheckpointIntervalIsRejected(int k) {
        Trace t = load("checkpoint-4-s3");
        ReplayResult r = replay(withCheckpointEvery(t.header(), k), t.events());
        assertNotNull(r.failure(), "checkpointEvery " + k + " accepted");
        String msg = r.failure().message();
        assertTrue(msg.contains("went on (") && msg.contains(" without the Checkpoint {seq " + k + ", ")
                && msg.contains(" its Execute owes"), msg);
    }

    @SuppressWarnings("unchecked")
    private static TraceHeader withCheckpointEvery(TraceHeader h, int k) {
        Map<String, Object> params = new HashMap<>(h.params());
        Map<String, Object> options = new HashMap<>((Map<String, Object>) params.get("options"));
        assertEquals("4", options.put("checkpointEvery", String.valueOf(k)));
        params.put("options", options);
        return new TraceHeader(h.schemaVersion(), h.algorithm(), h.nodes(), h.seed(), h.faultPlan(), h.producer(),
                params, h.roles());
    }

    static Set<Integer> byzantine(List<TraceEvent> events) {
        Set<Integer> out = new HashSet<>();
        for (TraceEvent e : events) {
            if (e.kind() == EventKind.FAULT && "byzantine".equals(e.action())) {
                out.add(e.node());
            }
        }
        return out;
    }

    private static TraceEvent undeliveredHonestSend(Trace t, String type) {
        Set<Integer> byzantine = byzantine(t.events());
        Set<Long> delivered = new HashSet<>();
        for (TraceEvent e : t.events()) {
            if (e.kind() == EventKind.DELIVER) {
                delivered.add(e.msg().id());
            }
        }
        for (TraceEvent e : t.events()) {
            if (e.kind() == EventKind.SEND && type.equals(e.msg().type()) && t.header().servers().contains(e.node())
                    && !byzantine.contains(e.node()) && !delivered.contains(e.msg().id())) {
                return e;
            }
        }
        return null;
    }

    private static TraceEvent renumbered(TraceEvent e, long seq) {
        return new TraceEvent(seq, e.node(), e.kind(), e.action(), e.msg(), e.state(), e.lamport(), e.vc());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(TraceEvent send) {
        return (Map<String, Object>) send.msg().body();
    }

    /** The key fields of an owed send as the rejection names them. */
    private static String key(String type, Map<String, Object> b) {
        return switch (type) {
            case "PrePrepare", "Prepare", "Commit" ->
                    "{view " + b.get("view") + ", seq " + b.get("seq") + ", digest " + b.get("digest") + "}";
            case "Checkpoint" -> "{seq " + b.get("seq") + ", state " + b.get("state") + "}";
            case "Reply" -> "{clientId " + b.get("clientId") + ", seq " + b.get("seq") + "}";
            default -> "{view " + b.get("view") + "}";
        };
    }
}
