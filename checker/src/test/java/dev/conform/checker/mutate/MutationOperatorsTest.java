package dev.conform.checker.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.Validation;
import dev.conform.checker.validate.ValidationReport;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per operator on seeded simulator runs (test resources {@code mutate/}): the operator
 * finds sites, each mutant still satisfies the trace reader's own rules (clocks, sequence
 * numbers) unless the operator's lie is one the reader must catch, and the mutant holds exactly
 * the lie the operator promises. Where the Java network and node rules judge the lie, the Java
 * replay must reject the mutant.
 */
class MutationOperatorsTest {
    @TempDir
    Path tmp;

    private static Path resource(String name) {
        try {
            return Path.of(MutationOperatorsTest.class.getResource("/mutate/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Trace trace(String name) throws IOException {
        return new Trace(TraceDoc.read(resource(name)));
    }

    /** Up to three mutants of {@code op} on {@code fixture}, written and re-read as JSON. */
    private List<Path> mutants(String fixture, MutationOperator op) throws IOException {
        Trace t = trace(fixture);
        Mutator.Derived d = new Mutator(7, 3).derive(t, op);
        assertTrue(d.sites() > 0, op.name() + " found no site in " + fixture);
        assertFalse(d.mutants().isEmpty());
        List<Path> out = new ArrayList<>();
        for (Mutant m : d.mutants()) {
            Path f = tmp.resolve(fixture + "-" + m.fileName());
            m.trace().write(f);
            assertTrue(m.line() >= 1 && m.line() <= Files.readAllLines(f).size(), m.lie());
            out.add(f);
        }
        return out;
    }

    private static List<TraceEvent> readAll(Path f) throws IOException {
        List<TraceEvent> es = new ArrayList<>();
        try (TraceReader r = TraceReader.open(f)) {
            TraceEvent e;
            while ((e = r.next()) != null) {
                es.add(e);
            }
        }
        return es;
    }

    private static void javaRejects(Path f) {
        ValidationReport r = Validation.run(TraceValidationRequest.javaOnly(f), Validation.Mode.JAVA_ONLY);
        assertEquals(ValidationReport.Status.DOES_NOT_CONFORM, r.status(), f.getFileName() + ": " + r.javaNote());
        assertFalse(r.java().conforms());
    }

    private static List<JsonNode> events(Path f) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f);
        for (int i = 1; i < lines.size(); i++) {
            out.add(TraceDoc.JSON.readTree(lines.get(i)));
        }
        return out;
    }

    private static long count(List<JsonNode> es, String kind, long id) {
        return es.stream().filter(e -> e.path("kind").asText().equals(kind) && e.path("msg").path("id").asLong() == id)
                .count();
    }

    @Test
    void writingAnUnchangedTraceGivesItsBytesBack() throws IOException {
        for (String f : List.of("raft-seed9.ndjson", "twopc-seed2.ndjson", "crdt-seed2.ndjson")) {
            Path out = tmp.resolve(f);
            TraceDoc.read(resource(f)).write(out);
            assertEquals(Files.readString(resource(f)), Files.readString(out), f);
        }
    }

    @Test
    void theSameSeedGivesTheSameMutantsAndAnotherSeedOtherOnes() throws IOException {
        Trace t = trace("raft-seed9.ndjson");
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (Mutator.Derived d : new Mutator(3, 2).deriveAll(t, Catalogue.ALL)) {
            d.mutants().forEach(m -> a.add(m.lie()));
        }
        for (Mutator.Derived d : new Mutator(3, 2).deriveAll(t, Catalogue.ALL)) {
            d.mutants().forEach(m -> b.add(m.lie()));
        }
        for (Mutator.Derived d : new Mutator(4, 2).deriveAll(t, Catalogue.ALL)) {
            d.mutants().forEach(m -> c.add(m.lie()));
        }
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void deliverUnsent() throws IOException {
        for (Path f : mutants("raft-seed9.ndjson", MessageOperators.DELIVER_UNSENT)) {
            List<JsonNode> es = events(f);
            long unsent = es.stream().filter(e -> e.path("kind").asText().equals("deliver"))
                    .map(e -> e.path("msg").path("id").asLong()).filter(id -> count(es, "send", id) == 0).count();
            assertEquals(1, unsent, f.toString());
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void deliverBeforeSend() throws IOException {
        for (Path f : mutants("twopc-seed2.ndjson", MessageOperators.DELIVER_BEFORE_SEND)) {
            List<JsonNode> es = events(f);
            int early = 0;
            for (int i = 0; i < es.size(); i++) {
                if (es.get(i).path("kind").asText().equals("deliver")) {
                    long id = es.get(i).path("msg").path("id").asLong();
                    if (count(es.subList(0, i), "send", id) == 0) {
                        early++;
                        // the delivery now comes before its send (its handler may move with it)
                        assertEquals(1, count(es.subList(i + 1, es.size()), "send", id), f.toString());
                    }
                }
            }
            assertTrue(early >= 1, f.toString()); // a moved handler may bring deliveries of its own answers along
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void duplicateDelivery() throws IOException {
        for (Path f : mutants("raft-seed9.ndjson", MessageOperators.DUPLICATE_DELIVERY)) {
            List<JsonNode> es = events(f);
            long twice = es.stream().filter(e -> e.path("kind").asText().equals("send"))
                    .map(e -> e.path("msg").path("id").asLong())
                    .filter(id -> count(es, "deliver", id) == 2 && count(es, "duplicate", id) == 0).count();
            assertEquals(1, twice, f.toString());
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void dropHandler() throws IOException {
        Trace t = trace("raft-seed9.ndjson");
        for (Path f : mutants("raft-seed9.ndjson", MessageOperators.DROP_HANDLER)) {
            assertTrue(events(f).size() < t.size(), f.toString());
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void duplicateHandler() throws IOException {
        Trace t = trace("crdt-seed2.ndjson");
        for (Path f : mutants("crdt-seed2.ndjson", MessageOperators.DUPLICATE_HANDLER)) {
            assertTrue(events(f).size() > t.size(), f.toString());
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void handlersAreInferredOnlyForTypesAlwaysFollowedByAnAction() throws IOException {
        Trace t = trace("raft-seed9.ndjson");
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i).equals("deliver") && t.msgType(i).equals("ClientReply")) {
                assertFalse(t.handled(i), "a client's receipt of its reply has no handler action");
            }
        }
    }

    @Test
    void stepWhileDown() throws IOException {
        for (Path f : mutants("twopc-seed2.ndjson", NodeOperators.STEP_WHILE_DOWN)) {
            List<JsonNode> es = events(f);
            boolean found = false;
            for (int i = 0; i + 1 < es.size(); i++) {
                found |= es.get(i).path("kind").asText().equals("crash")
                        && es.get(i + 1).path("node").asLong() == es.get(i).path("node").asLong();
            }
            assertTrue(found, f.toString());
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void restartWithoutCrash() throws IOException {
        for (Path f : mutants("raft-seed9.ndjson", NodeOperators.RESTART_WITHOUT_CRASH)) {
            List<JsonNode> es = events(f);
            java.util.Map<Long, Boolean> up = new java.util.HashMap<>();
            int bad = 0;
            for (JsonNode e : es) {
                long n = e.path("node").asLong();
                if (e.path("kind").asText().equals("restart") && up.getOrDefault(n, true)) {
                    bad++;
                }
                if (e.path("kind").asText().equals("crash") || e.path("kind").asText().equals("restart")) {
                    up.put(n, e.path("kind").asText().equals("restart"));
                }
            }
            assertEquals(1, bad, f.toString());
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void stateField() throws IOException {
        List<String> original = Files.readAllLines(resource("raft-seed9.ndjson"));
        for (Path f : mutants("raft-seed9.ndjson", StateOperators.STATE_FIELD)) {
            List<String> lines = Files.readAllLines(f);
            assertEquals(original.size(), lines.size());
            int changed = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals(original.get(i))) {
                    changed++;
                    JsonNode e = TraceDoc.JSON.readTree(lines.get(i));
                    assertTrue(e.has("state"), lines.get(i));
                }
            }
            assertEquals(1, changed, f.toString());
            readAll(f);
        }
        for (Path f : mutants("crdt-seed2.ndjson", StateOperators.STATE_FIELD)) {
            readAll(f);
        }
    }

    @Test
    void fieldRulesChangeWhatTheirTableNames() throws IOException {
        JsonNode state = TraceDoc.JSON.readTree(
                "{\"crdt\":{\"crdt\":\"g-counter\",\"counts\":{\"1\":3,\"2\":1}},\"rmState\":\"prepared\"}");
        FieldRule counts = FieldRule.of("crdt.counts.*", FieldRule.Change.SHIFT);
        assertEquals(2, counts.places(state).size());
        counts.change(counts.places(state).get(0), 9);
        assertEquals(1003, state.path("crdt").path("counts").path("1").asLong());
        FieldRule phantom = FieldRule.of("crdt.counts", FieldRule.Change.PHANTOM_KEY);
        phantom.change(phantom.places(state).get(0), 9);
        assertEquals(1, state.path("crdt").path("counts").path("9").asLong());
        FieldRule rm = FieldRule.of("rmState", FieldRule.Change.ENUM, "working", "prepared", "committed", "aborted");
        rm.change(rm.places(state).get(0), 9);
        assertEquals("committed", state.path("rmState").asText());
    }

    @Test
    void wrongType() throws IOException {
        for (Path f : mutants("twopc-seed2.ndjson", StateOperators.WRONG_TYPE)) {
            boolean wrong = events(f).stream().anyMatch(e -> e.path("state").path("rmState").isNumber()
                    || e.path("state").path("tmState").isNumber());
            assertTrue(wrong, f.toString());
        }
        for (Path f : mutants("raft-seed9.ndjson", StateOperators.WRONG_TYPE)) {
            boolean wrong = events(f).stream().anyMatch(e -> e.path("state").path("currentTerm").isTextual()
                    || e.path("state").path("votedFor").isTextual() || e.path("state").path("commitIndex").isTextual());
            assertTrue(wrong, f.toString());
        }
    }

    @Test
    void replyBeforeCommit() throws IOException {
        for (Path f : mutants("raft-seed9.ndjson", StateOperators.REPLY_BEFORE_COMMIT)) {
            List<JsonNode> es = events(f);
            boolean found = false;
            for (int i = 0; i + 1 < es.size(); i++) {
                JsonNode a = es.get(i);
                JsonNode b = es.get(i + 1);
                found |= a.path("action").asText().equals("ClientRequest") && a.path("state").has("log")
                        && b.path("kind").asText().equals("send") && b.path("msg").path("type").asText().equals("ClientReply")
                        && b.path("msg").path("body").path("ok").asBoolean();
            }
            assertTrue(found, f.toString());
            readAll(f);
        }
    }

    /** PBFT's clients accept on f+1 matching Replies: the mutant accepts one delivery early. */
    @Test
    void replyBeforeCommitMovesAPbftAcceptanceBeforeItsQuorum() throws IOException {
        assertTrue(Validation.run(TraceValidationRequest.javaOnly(resource("pbft-seed4.ndjson")),
                Validation.Mode.JAVA_ONLY).java().conforms(), "the original conforms");
        for (Path f : mutants("pbft-seed4.ndjson", StateOperators.REPLY_BEFORE_COMMIT)) {
            List<JsonNode> es = events(f);
            boolean found = false;
            for (int i = 0; i + 1 < es.size(); i++) {
                JsonNode a = es.get(i);
                JsonNode b = es.get(i + 1);
                found |= a.path("action").asText().equals("AcceptResult") && b.path("kind").asText().equals("deliver")
                        && b.path("node").asLong() == a.path("node").asLong()
                        && b.path("msg").path("type").asText().equals("Reply");
            }
            assertTrue(found, f.toString());
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void phantomNodeIsBadInputAtItsLine() throws IOException {
        for (Path f : mutants("raft-seed9.ndjson", HeaderOperators.PHANTOM_NODE)) {
            TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(f));
            assertTrue(e.getMessage().contains(":"), e.getMessage());
        }
    }

    @Test
    void otherAlgorithm() throws IOException {
        for (Path f : mutants("crdt-seed2.ndjson", HeaderOperators.OTHER_ALGORITHM)) {
            try (TraceReader r = TraceReader.open(f)) {
                assertNotEquals("crdt", r.header().algorithm());
            }
        }
    }

    @Test
    void reliableNetwork() throws IOException {
        for (Path f : mutants("raft-seed9.ndjson", HeaderOperators.RELIABLE_NETWORK)) {
            try (TraceReader r = TraceReader.open(f)) {
                assertEquals("reliable", r.header().params().get("net"));
            }
            assertTrue(events(f).stream().anyMatch(e -> e.path("kind").asText().equals("duplicate")));
            javaRejects(f);
        }
    }

    /**
     * raft-seed9-udp is raft-seed9 with {@code "transport":"udp"} in its header (a simulated
     * unreliable network that duplicated, declared as UDP): it still conforms; flipping the
     * transport alone leaves an inconsistent header the reader rejects naming the field, and
     * declaring TCP consistently makes its duplicate events the lie.
     */
    @Test
    void otherTransport() throws IOException {
        assertTrue(Validation.run(TraceValidationRequest.javaOnly(resource("raft-seed9-udp.ndjson")),
                Validation.Mode.JAVA_ONLY).java().conforms(), "the UDP-declared original conforms");
        int inconsistent = 0;
        int consistent = 0;
        Mutator.Derived d = new Mutator(7, 3).derive(trace("raft-seed9-udp.ndjson"), HeaderOperators.OTHER_TRANSPORT);
        assertEquals(2, d.sites());
        for (Mutant m : d.mutants()) {
            Path f = tmp.resolve(m.fileName());
            m.trace().write(f);
            String transport = m.trace().header().path("params").path("transport").asText();
            assertEquals("tcp", transport, m.lie());
            if (m.trace().header().path("params").path("duplicatePercent").asLong() != 0) {
                inconsistent++;
                TraceFormatException e = assertThrows(TraceFormatException.class, () -> readAll(f));
                assertTrue(e.getMessage().contains(":1:") && e.getMessage().contains("params.duplicatePercent"),
                        e.getMessage());
                assertEquals(ValidationReport.Status.BAD_INPUT,
                        Validation.run(TraceValidationRequest.javaOnly(f), Validation.Mode.JAVA_ONLY).status());
            } else {
                consistent++;
                readAll(f);
                ValidationReport r = Validation.run(TraceValidationRequest.javaOnly(f), Validation.Mode.JAVA_ONLY);
                assertEquals(ValidationReport.Status.DOES_NOT_CONFORM, r.status());
                assertTrue(r.java().failure().message().contains("transport tcp never duplicates"),
                        r.java().failure().message());
            }
        }
        assertEquals(1, inconsistent);
        assertEquals(1, consistent);
        assertTrue(new Mutator(7, 3).derive(trace("raft-seed9.ndjson"), HeaderOperators.OTHER_TRANSPORT).sites() == 0,
                "a simulator trace names no transport to flip");
    }

    @Test
    void unplannedFault() throws IOException {
        for (Path f : mutants("twopc-seed2.ndjson", HeaderOperators.UNPLANNED_FAULT)) {
            readAll(f);
            javaRejects(f);
        }
    }

    @Test
    void otherParameter() throws IOException {
        for (Path f : mutants("crdt-seed2.ndjson", HeaderOperators.OTHER_PARAMETER)) {
            JsonNode h = TraceDoc.JSON.readTree(Files.readAllLines(f).get(0));
            assertNotEquals("g-counter", h.path("params").path("options").path("type").asText());
            readAll(f);
        }
    }
}
