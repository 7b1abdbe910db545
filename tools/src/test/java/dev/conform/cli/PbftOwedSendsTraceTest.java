package dev.conform.cli;

import static dev.conform.cli.RunCommandTest.conform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.cli.RaftTraceMutations.Trace;
import dev.conform.cli.RunCommandTest.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TracePBFT's owed sends (specs/pbft/README.md, "Owed sends"), in TLC: a small chaos run of every
 * variant of specs/pbft/gate.json conforms (seed 3: Byzantine marks, crashes and view changes in
 * three of them); a trace without one send an honest replica owed (the send and the drops of its
 * message removed, so that nothing else in the trace refers to it) diverges where the replica
 * goes on, and so does a header claiming a shorter checkpoint interval than the run's 4. Each of
 * these lies conformed before the rule.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PbftOwedSendsTraceTest {
    private static final Path SPECS = Path.of("../specs/pbft").toAbsolutePath().normalize();
    private static final String SPEC = SPECS.resolve("TracePBFT.tla").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The gate's variants: name and options. */
    static Stream<JsonNode> variants() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(SPECS.resolve("gate.json").toFile()).get("variants").forEach(out::add);
        return out.stream();
    }

    private static JsonNode variant(String name) throws Exception {
        return variants().filter(v -> v.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    /** A short chaos run of the variant (seed 3), its trace file. */
    private Path run(JsonNode variant) {
        Path trace = dir.resolve(variant.get("name").asText() + ".ndjson");
        List<String> args = new ArrayList<>(List.of("run", "pbft", "--seed", "3", "--chaos", "high", "--horizon", "600",
                "--steps", "5000", "--option", "clients=1", "--option", "ops=3", "--out", trace.toString()));
        variant.get("options").fields().forEachRemaining(o -> {
            args.add("--option");
            args.add(o.getKey() + "=" + o.getValue().asText());
        });
        Outcome r = conform(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return trace;
    }

    private static Outcome tlc(Path trace) {
        return conform("validate", "--tlc-only", "--progress=never", "--spec", SPEC, "--trace", trace.toString());
    }

    private Path write(Trace t, String name) {
        Path p = dir.resolve(name + ".ndjson");
        t.write(p);
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aChaosRunOfEveryGateVariantConforms(JsonNode variant) {
        Outcome v = tlc(run(variant));
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("CONFORMS"), v.out());
    }

    /**
     * The first send of an honest replica of this type whose message is never delivered, removed
     * with its drops: the replica's next step toward that message's receiver is then taken while
     * it still owes the send.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Commit", "ViewChange", "NewView"})
    void aTraceWithoutAnOwedSendDiverges(String type) throws Exception {
        Trace t = Trace.read(run(variant("view-churn")));
        Set<Integer> byzantine = new HashSet<>();
        t.header().path("plan").path("events").forEach(p -> {
            if (p.path("type").asText().equals("byzantine")) {
                byzantine.add(p.path("node").asInt());
            }
        });
        Set<Integer> servers = new HashSet<>();
        t.header().path("roles").path("server").forEach(s -> servers.add(s.asInt()));
        List<Integer> lie = null;
        for (int i = 0; i < t.events().size() && lie == null; i++) {
            ObjectNode e = t.events().get(i);
            int node = e.path("node").asInt();
            if (!RaftTraceMutations.kind(e, "send") || !RaftTraceMutations.type(e).equals(type)
                    || !servers.contains(node) || byzantine.contains(node)) {
                continue;
            }
            long id = e.get("msg").get("id").asLong();
            List<Integer> refs = new ArrayList<>(List.of(i));
            boolean delivered = false;
            for (int k = i + 1; k < t.events().size(); k++) {
                ObjectNode x = t.events().get(k);
                if (x.has("msg") && x.get("msg").get("id").asLong() == id) {
                    delivered |= !RaftTraceMutations.kind(x, "drop");
                    refs.add(k);
                }
            }
            lie = delivered ? null : refs;
        }
        assertTrue(lie != null, "the run has no undelivered " + type + " of an honest replica to remove");
        for (int k = lie.size() - 1; k >= 0; k--) {
            t.events().remove((int) lie.get(k));
        }
        Outcome v = tlc(write(t, "without-" + type));
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("DIVERGES") && v.out().contains("Settled(e.node)"), v.out());
    }

    /** The run (K = 4) sends no Checkpoint at seq 2, which a header claiming 2 owes (1: at 1, the same rule). */
    @Test
    void aHeaderClaimingAShorterCheckpointIntervalDiverges() throws Exception {
        String k = "2";
        JsonNode variant = variant("checkpoint-4");
        assertEquals("4", variant.get("options").get("checkpointEvery").asText());
        Trace t = Trace.read(run(variant));
        ((ObjectNode) t.header().get("params").get("options")).put("checkpointEvery", k);
        Outcome v = tlc(write(t, "checkpoint-every-" + k));
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("DIVERGES") && v.out().contains("Settled(e.node)"), v.out());
    }
    /**
     * A Reply an honest replica sends right after an Execute, copied (fresh id) to just before
     * that Execute: the replica answers a request before it executed it (the extra send owes
     * nothing, so only the Reply rule can catch it: OwnOk in TLC, ClientLinearity in Java).
     */
    @Test
    void aReplyBeforeItsExecuteIsRejectedByTlcAndJava() throws Exception {
        Trace t = Trace.read(run(variant("crash-only")));
        long maxId = 0;
        for (ObjectNode e : t.events()) {
            if (e.has("msg")) {
                maxId = Math.max(maxId, e.get("msg").get("id").asLong());
            }
        }
        int at = -1;
        for (int i = 1; i < t.events().size() && at < 0; i++) {
            ObjectNode e = t.events().get(i);
            if (RaftTraceMutations.kind(e, "send") && RaftTraceMutations.type(e).equals("Reply")) {
                ObjectNode before = t.events().get(i - 1);
                if (RaftTraceMutations.kind(before, "action") && before.path("action").asText().equals("Execute")
                        && before.path("node").asInt() == e.path("node").asInt()) {
                    at = i;
                }
            }
        }
        assertTrue(at > 0, "the run has no Reply right after an Execute");
        ObjectNode early = t.events().get(at).deepCopy();
        ((ObjectNode) early.get("msg")).put("id", maxId + 1);
        t.events().add(at - 1, early);
        Path lie = write(t, "reply-before-execute");
        Outcome v = tlc(lie);
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("DIVERGES") && v.out().contains("IsSend"), v.out());
        Outcome java = conform("validate", "--java-only", "--trace", lie.toString());
        assertEquals(1, java.code(), java.out() + java.err());
        assertTrue(java.out().contains("ClientLinearity") && java.out().contains("before it executed"), java.out());
    }
}
