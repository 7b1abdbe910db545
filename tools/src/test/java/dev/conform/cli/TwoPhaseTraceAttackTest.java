package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.algorithms.twopc.TwoPhaseAlgorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.io.NdjsonSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Impossible two-phase commit traces, made from good seeded runs of the implementation, must be
 * rejected by {@code conform validate} on both sides: the Java replay ({@code --java-only}) and
 * TLC over {@code specs/twopc/TraceTwoPhase.tla} ({@code --tlc-only}), each with exit 1 (does not
 * conform) or 2 (bad input). The good runs themselves conform on both sides. Clocks and sequence
 * numbers are left out of the traces (they are optional), so that a mutant breaks the protocol,
 * not the reader's clock rules.
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class TwoPhaseTraceAttackTest {
    static final Path SPEC = Path.of("../specs/twopc/TraceTwoPhase.tla").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    /** Cooperative, reliable network, the coordinator crashes after Prepare and comes back: aborts. */
    static List<ObjectNode> recovery;
    /** Cooperative, reliable network, everyone votes yes: commits. */
    static List<ObjectNode> commit;

    @BeforeAll
    static void runs() throws Exception {
        FaultPlan crash = FaultPlan.of(new FaultEvent.Crash(3, 1), new FaultEvent.Restart(60, 1));
        recovery = strip(simulate("recovery", crash, NetSemantics.RELIABLE, true, 1));
        commit = strip(simulate("commit", FaultPlan.none(), NetSemantics.RELIABLE, true, 1));
    }

    static Path simulate(String name, FaultPlan plan, NetSemantics net, boolean cooperative, long seed) {
        Path out = tmp.resolve(name + ".ndjson");
        SimConfig cfg = SimConfig.of(3, seed).withNet(net).withMaxSteps(2_000)
                .withOptions(Options.empty().with("cooperative", String.valueOf(cooperative)));
        try (NdjsonSink sink = new NdjsonSink(out)) {
            new Simulator<>(new TwoPhaseAlgorithm(), cfg, plan, sink).run();
        }
        return out;
    }

    /** The trace's lines without seq, lamport and vc. */
    static List<ObjectNode> strip(Path trace) throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            o.remove(List.of("seq", "lamport", "vc"));
            out.add(o);
        }
        return out;
    }

    static List<ObjectNode> copy(List<ObjectNode> t) {
        return new ArrayList<>(t.stream().map(ObjectNode::deepCopy).toList());
    }

    static Path write(String name, List<ObjectNode> t) throws Exception {
        Path p = tmp.resolve(name + ".ndjson");
        List<String> lines = new ArrayList<>();
        for (ObjectNode o : t) {
            lines.add(JSON.writeValueAsString(o));
        }
        Files.write(p, lines);
        return p;
    }

    record Run(int exit, String out) {
    }

    static Run validate(Path trace, String side) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute("validate", "--spec", SPEC.toString(), "--trace", trace.toString(), side);
        return new Run(exit, out.toString());
    }

    /** Index of the first line (header = 0) matching {@code p}, from {@code from} on. */
    static int find(List<ObjectNode> t, int from, java.util.function.Predicate<JsonNode> p) {
        for (int i = Math.max(from, 1); i < t.size(); i++) {
            if (p.test(t.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event");
    }

    static boolean is(JsonNode e, String kind, String actionOrType) {
        if (!e.path("kind").asText().equals(kind)) {
            return false;
        }
        return actionOrType == null || e.path("action").asText().equals(actionOrType)
                || e.path("msg").path("type").asText().equals(actionOrType);
    }

    static ObjectNode event(int node, String kind) {
        ObjectNode o = JSON.createObjectNode();
        o.put("node", node);
        o.put("kind", kind);
        return o;
    }

    /** A mutant: its name and how it is made from a copy of the base trace. */
    record Mutant(String name, List<ObjectNode> base, UnaryOperator<List<ObjectNode>> make) {
    }

    static List<Mutant> mutants() {
        List<Mutant> m = new ArrayList<>();
        m.add(new Mutant("deliver-unsent-id", recovery, t -> {
            ObjectNode d = event(2, "deliver");
            d.set("msg", JSON.valueToTree(java.util.Map.of("id", 999, "from", 1, "to", 2, "type", "Prepare",
                    "body", java.util.Map.of("type", "Prepare"))));
            t.add(4, d);
            return t;
        }));
        m.add(new Mutant("deliver-before-send", commit, t -> {
            int send = find(t, 1, e -> is(e, "send", "Vote"));
            long id = t.get(send).path("msg").path("id").asLong();
            int deliver = find(t, send, e -> is(e, "deliver", null) && e.path("msg").path("id").asLong() == id);
            ObjectNode d = t.remove(deliver);
            t.add(send, d);
            return t;
        }));
        m.add(new Mutant("second-delivery-reliable", commit, t -> {
            int deliver = find(t, 1, e -> is(e, "deliver", "Vote"));
            ObjectNode d = t.get(deliver).deepCopy();
            t.add(deliver + 2, d);
            t.add(deliver + 3, t.get(deliver + 1).deepCopy());
            return t;
        }));
        m.add(new Mutant("delivery-without-handler", commit, t -> {
            int ack = find(t, 1, e -> is(e, "action", "TMRcvAck"));
            t.remove(ack);
            return t;
        }));
        m.add(new Mutant("two-handlers-for-one-delivery", commit, t -> {
            int ack = find(t, 1, e -> is(e, "action", "TMRcvAck"));
            t.add(ack + 1, t.get(ack).deepCopy());
            return t;
        }));
        m.add(new Mutant("drop-on-lossless-network", commit, t -> {
            int deliver = find(t, 1, e -> is(e, "deliver", "Vote"));
            ObjectNode d = t.get(deliver).deepCopy();
            d.put("kind", "drop");
            t.add(deliver, d);
            return t;
        }));
        m.add(new Mutant("step-while-crashed", recovery, t -> {
            int crash = find(t, 1, e -> is(e, "crash", null));
            ObjectNode timer = event(1, "timer");
            timer.put("action", "vote");
            t.add(crash + 1, timer);
            return t;
        }));
        m.add(new Mutant("restart-without-crash", recovery, t -> {
            t.add(3, event(2, "restart"));
            return t;
        }));
        m.add(new Mutant("volatile-state-kept-across-restart", recovery, t -> {
            int restart = find(t, 1, e -> is(e, "action", "TMRestart"));
            ArrayNode prepared = ((ObjectNode) t.get(restart).get("state")).putArray("tmPrepared");
            prepared.add(2);
            return t;
        }));
        m.add(new Mutant("persisted-decision-lost-across-restart", recovery, t -> {
            int restart = find(t, 1, e -> is(e, "action", "TMRestart"));
            ((ObjectNode) t.get(restart).get("state")).put("tmState", "init");
            return t;
        }));
        m.add(new Mutant("changed-decision-in-handler-state", commit, t -> {
            int rcv = find(t, 1, e -> is(e, "action", "RMRcvDecision"));
            ((ObjectNode) t.get(rcv).get("state")).put("rmState", "aborted");
            return t;
        }));
        m.add(new Mutant("changed-vote-in-message", commit, t -> {
            int send = find(t, 1, e -> is(e, "send", "Vote"));
            long id = t.get(send).path("msg").path("id").asLong();
            for (ObjectNode e : t) {
                if (e.path("msg").path("id").asLong() == id && e.has("msg")) {
                    ((ObjectNode) e.get("msg").get("body")).put("yes", false);
                }
            }
            return t;
        }));
        m.add(new Mutant("client-told-commit-of-an-abort", recovery, t -> {
            int rcv = find(t, 1, e -> is(e, "action", "ClientRcvReply"));
            ((ObjectNode) t.get(rcv).get("state")).put("outcome", "committed");
            return t;
        }));
        m.add(new Mutant("commit-reply-before-the-decision", recovery, t -> {
            for (ObjectNode e : t) {
                if (e.path("msg").path("type").asText().equals("ClientReply")) {
                    ((ObjectNode) e.get("msg").get("body")).put("commit", true);
                }
                if (is(e, "action", "ClientRcvReply")) {
                    ((ObjectNode) e.get("state")).put("outcome", "committed");
                }
            }
            return t;
        }));
        m.add(new Mutant("participant-commits-without-a-decision", commit, t -> {
            int first = find(t, 1, e -> is(e, "action", "RMVoteYes"));
            ObjectNode lie = t.get(first).deepCopy();
            lie.put("action", "RMRcvDecision");
            ((ObjectNode) lie.get("state")).put("rmState", "committed");
            t.add(first + 2, lie);
            return t;
        }));
        m.add(new Mutant("phantom-participant-in-header", commit, t -> {
            ObjectNode h = t.get(0);
            ((ArrayNode) h.get("nodes")).insert(3, 9);
            ((ArrayNode) h.get("roles").get("participant")).add(9);
            return t;
        }));
        m.add(new Mutant("event-of-a-node-not-in-header", commit, t -> {
            int a = find(t, 1, e -> is(e, "action", "RMVoteYes"));
            t.get(a).put("node", 9);
            return t;
        }));
        m.add(new Mutant("algorithm-swapped-in-header", commit, t -> {
            t.get(0).put("algorithm", "raft");
            return t;
        }));
        m.add(new Mutant("cooperative-swapped-in-header", recovery, t -> {
            ((ObjectNode) t.get(0).get("params").get("options")).put("cooperative", "false");
            return t;
        }));
        m.add(new Mutant("coordinator-role-swapped", commit, t -> {
            ObjectNode roles = (ObjectNode) t.get(0).get("roles");
            roles.putArray("coordinator").add(2);
            roles.putArray("participant").add(1).add(3);
            return t;
        }));
        m.add(new Mutant("wrong-typed-state-value", commit, t -> {
            int a = find(t, 1, e -> is(e, "action", "RMVoteYes"));
            ((ObjectNode) t.get(a).get("state")).put("rmState", 3);
            return t;
        }));
        m.add(new Mutant("wrong-typed-message-field", commit, t -> {
            for (ObjectNode e : t) {
                if (e.path("msg").path("type").asText().equals("Vote")) {
                    ((ObjectNode) e.get("msg").get("body")).put("yes", "yes");
                }
            }
            return t;
        }));
        m.add(new Mutant("send-no-action-made", commit, t -> {
            int send = find(t, 1, e -> is(e, "send", "Prepare"));
            ObjectNode again = t.get(send).deepCopy();
            ((ObjectNode) again.get("msg")).put("id", 998);
            t.add(send + 1, again);
            return t;
        }));
        m.add(new Mutant("action-without-its-sends", commit, t -> {
            int decide = find(t, 1, e -> is(e, "action", "TMCommit"));
            t.remove(decide + 1);
            return t;
        }));
        return m;
    }

    @Test
    void goodRunsConformOnBothSides() throws Exception {
        for (String side : List.of("--java-only", "--tlc-only")) {
            for (var base : List.of(recovery, commit)) {
                Run r = validate(write("good-" + base.size() + side, base), side);
                assertEquals(0, r.exit(), side + ": " + r.out());
            }
        }
    }

    @Test
    void everyMutantIsRejectedByJavaAndByTlc() throws Exception {
        List<String> survivors = new ArrayList<>();
        for (Mutant m : mutants()) {
            Path p = write(m.name(), m.make().apply(copy(m.base())));
            for (String side : List.of("--java-only", "--tlc-only")) {
                Run r = validate(p, side);
                if (r.exit() != 1 && r.exit() != 2) {
                    survivors.add(m.name() + " " + side + " exit " + r.exit() + ": " + r.out().lines().limit(4).toList());
                }
            }
        }
        assertTrue(survivors.isEmpty(), String.join("\n", survivors));
    }
}
