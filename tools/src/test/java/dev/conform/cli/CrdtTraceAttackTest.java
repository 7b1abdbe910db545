package dev.conform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.algorithms.crdt.CrdtAlgorithm;
import dev.conform.algorithms.crdt.GossipMessage;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.io.NdjsonSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Impossible CRDT traces, each derived from a good seeded run by one lie, are rejected by
 * {@code conform validate} on both sides: TLC over specs/crdt/TraceCrdt.tla and the Java twin
 * ({@code CrdtInvariants}). The good run: an LWW map with HLC timestamps on a reliable network,
 * replica 2 crashing at t=12 (after a SendGossip, whose clock is volatile) and restarting at t=24.
 * Mutated traces keep sequence numbers consecutive and carry no Lamport or vector clocks, so the
 * reader's own rules hold and only the semantics can reject them.
 */
@Tag("tlc")
@Tag("process")
class CrdtTraceAttackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<ObjectNode> base;

    static Path specs() {
        return Path.of("..", "specs", "crdt").toAbsolutePath().normalize();
    }

    @BeforeAll
    static void recordGoodRun(@TempDir Path tmp) throws IOException {
        Path trace = tmp.resolve("base.ndjson");
        Options o = Options.empty().with("type", "lww-map").with("clock", "hlc").with("updates", 4).with("fanout", 2);
        SimConfig cfg = SimConfig.of(3, 5).withNet(NetSemantics.RELIABLE).withMaxSteps(50_000).withOptions(o);
        FaultPlan plan = FaultPlan.of(new FaultEvent.Crash(12, 2), new FaultEvent.Restart(24, 2));
        try (NdjsonSink sink = new NdjsonSink(trace)) {
            new Simulator<GossipMessage>(new CrdtAlgorithm(), cfg, plan, sink).run();
        }
        base = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            ObjectNode n = (ObjectNode) JSON.readTree(line);
            n.remove("lamport");
            n.remove("vc");
            base.add(n);
        }
    }

    record Verdict(int exit, String text) {
    }

    static Verdict cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute(args);
        return new Verdict(exit, out.toString());
    }

    static Verdict validate(Path trace, String side) {
        return cli("validate", "--spec", specs().resolve("TraceCrdt.tla").toString(), "--trace", trace.toString(), side,
                "--timeout", "4m");
    }

    static Path write(Path dir, String name, List<ObjectNode> lines) {
        Path f = dir.resolve(name + ".ndjson");
        StringBuilder b = new StringBuilder();
        long seq = 0;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode n = lines.get(i).deepCopy();
            if (i > 0) {
                n.put("seq", seq++);
            }
            b.append(n).append('\n');
        }
        try {
            Files.writeString(f, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    // ---- finding events in the good run ----

    static List<ObjectNode> copy() {
        List<ObjectNode> out = new ArrayList<>();
        base.forEach(n -> out.add(n.deepCopy()));
        return out;
    }

    static int first(List<ObjectNode> t, int from, Predicate<ObjectNode> p) {
        for (int i = Math.max(1, from); i < t.size(); i++) {
            if (p.test(t.get(i))) {
                return i;
            }
        }
        throw new AssertionError("the good run has no such event after line " + from);
    }

    static Predicate<ObjectNode> kind(String k) {
        return n -> k.equals(n.path("kind").asText());
    }

    static Predicate<ObjectNode> action(String a) {
        return n -> "action".equals(n.path("kind").asText()) && a.equals(n.path("action").asText());
    }

    static Predicate<ObjectNode> at(int node) {
        return n -> n.path("node").asInt() == node;
    }

    static Predicate<ObjectNode> msgType(String type) {
        return n -> type.equals(n.path("msg").path("type").asText());
    }

    static Predicate<ObjectNode> msgId(long id) {
        return n -> n.path("msg").path("id").asLong() == id;
    }

    /** The first delivery of a Reply (its handler is ReceiveGossip alone) and the line of that handler. */
    static int[] replyDelivery(List<ObjectNode> t) {
        int d = first(t, 1, kind("deliver").and(msgType("Reply")));
        int r = first(t, d + 1, action("ReceiveGossip").and(at(t.get(d).path("node").asInt())));
        return new int[] {d, r};
    }

    static int crash(List<ObjectNode> t) {
        return first(t, 1, kind("crash"));
    }

    static int restart(List<ObjectNode> t) {
        return first(t, 1, kind("restart"));
    }

    static ObjectNode state(ObjectNode n) {
        return (ObjectNode) n.path("state");
    }

    // ---- the lies ----

    static Stream<Arguments> lies() {
        return Stream.of(
            lie("deliver an unsent id", 1, t -> {
                int d = first(t, 1, kind("deliver"));
                ((ObjectNode) t.get(d).path("msg")).put("id", 999_999);
                return t;
            }),
            lie("deliver before send", 1, t -> {
                int d = first(t, 1, kind("deliver"));
                int s = first(t, 1, kind("send").and(msgId(t.get(d).path("msg").path("id").asLong())));
                ObjectNode moved = t.remove(d);
                t.add(s, moved);
                return t;
            }),
            lie("second delivery of one id on a reliable network", 1, t -> {
                int[] dr = replyDelivery(t);
                ObjectNode d = t.get(dr[0]).deepCopy();
                ObjectNode r = t.get(dr[1]).deepCopy();
                t.add(dr[1] + 1, d);
                t.add(dr[1] + 2, r);
                return t;
            }),
            lie("a delivery with no handler", 1, t -> {
                int[] dr = replyDelivery(t);
                t.remove(dr[1]);
                return t;
            }),
            lie("two handlers for one delivery", 1, t -> {
                int[] dr = replyDelivery(t);
                t.add(dr[1] + 1, t.get(dr[1]).deepCopy());
                return t;
            }),
            lie("a drop on a lossless network", 1, t -> {
                int[] dr = replyDelivery(t);
                int s = first(t, 1, kind("send").and(msgId(t.get(dr[0]).path("msg").path("id").asLong())));
                ObjectNode drop = t.get(dr[0]).deepCopy();
                drop.put("kind", "drop");
                t.remove(dr[1]);
                t.remove(dr[0]);
                t.add(s + 1, drop);
                return t;
            }),
            lie("a step while crashed", 1, t -> {
                int c = crash(t);
                int node = t.get(c).path("node").asInt();
                int read = first(t, 1, action("Read").and(at(node)));
                ObjectNode timer = t.get(read - 1).deepCopy();
                ObjectNode act = t.get(read).deepCopy();
                t.add(c + 1, timer);
                t.add(c + 2, act);
                return t;
            }),
            lie("a restart without a crash", 1, t -> {
                int c = crash(t);
                int node = t.get(c).path("node").asInt();
                ObjectNode restart = t.get(restart(t)).deepCopy();
                int s = first(t, 1, at(node).and(kind("action")));
                t.add(s, restart);
                return t;
            }),
            lie("volatile state (the clock of a SendGossip) kept across a restart", 1, t -> {
                int c = crash(t);
                int node = t.get(c).path("node").asInt();
                int last = -1;
                for (int i = 1; i < c; i++) {
                    if (t.get(i).path("node").asInt() == node && t.get(i).has("state")) {
                        last = i;
                    }
                }
                assertEquals("SendGossip", t.get(last).path("action").asText(), "the crash should follow a SendGossip");
                JsonNode volatileClock = t.get(last).path("state").path("clock");
                ObjectNode rs = state(t.get(restart(t)));
                assertNotEquals(volatileClock, rs.path("clock"), "the SendGossip clock is the persisted one");
                rs.set("clock", volatileClock.deepCopy());
                return t;
            }),
            lie("persisted state lost across a restart", 1, t -> {
                ObjectNode rs = state(t.get(restart(t)));
                ((ObjectNode) rs.path("crdt")).putObject("entries");
                rs.putObject("seen");
                rs.put("updates", 0);
                return t;
            }),
            lie("a changed value in a handler's recorded state", 1, t -> {
                int r = first(t, 1, action("ReceiveGossip").and(n -> n.path("state").path("crdt").path("entries").size() > 0));
                ObjectNode entries = (ObjectNode) state(t.get(r)).path("crdt").path("entries");
                String k = entries.fieldNames().next();
                ((ObjectNode) entries.path(k)).put("value", "forged");
                return t;
            }),
            lie("a changed clock in a handler's recorded state", 1, t -> {
                int r = first(t, 1, action("ReceiveGossip"));
                ObjectNode clock = (ObjectNode) state(t.get(r)).path("clock");
                clock.put("logical", clock.path("logical").asLong() + 7);
                return t;
            }),
            lie("a wrong read value", 1, t -> {
                int r = first(t, 1, action("Read").and(n -> n.path("state").path("value").size() > 0));
                ObjectNode v = (ObjectNode) state(t.get(r)).path("value");
                v.put(v.fieldNames().next(), "never-written");
                return t;
            }),
            lie("a read of a replica's state before its merge", 1, t -> {
                int r = first(t, 1, action("Read").and(n -> n.path("state").path("value").size() > 0));
                ((ObjectNode) state(t.get(r))).putObject("value");
                return t;
            }),
            lie("a phantom replica in a recorded state", 1, t -> {
                int r = first(t, 1, action("ReceiveGossip"));
                ((ObjectNode) state(t.get(r)).path("seen")).put("7", 1);
                return t;
            }),
            lie("a key outside the header", 1, t -> {
                int r = first(t, 1, action("Put"));
                ObjectNode entries = (ObjectNode) state(t.get(r)).path("crdt").path("entries");
                entries.set("k99", entries.path(entries.fieldNames().next()).deepCopy());
                return t;
            }),
            lie("the algorithm name swapped in the header", 2, t -> {
                t.get(0).put("algorithm", "twopc");
                return t;
            }),
            lie("the CRDT type swapped in the header", 1, t -> {
                options(t).put("type", "lww-register");
                return t;
            }),
            lie("the clock mode swapped in the header", 1, t -> {
                options(t).put("clock", "physical");
                return t;
            }),
            lie("the update budget lowered in the header", 1, t -> {
                options(t).put("updates", "2");
                return t;
            }),
            lie("the fanout lowered in the header", 1, t -> {
                options(t).put("fanout", "1");
                return t;
            }),
            lie("a wrong-typed value", 2, t -> {
                int r = first(t, 1, action("ReceiveGossip"));
                state(t.get(r)).put("updates", "3");
                return t;
            }));
    }

    static ObjectNode options(List<ObjectNode> t) {
        return (ObjectNode) t.get(0).path("params").path("options");
    }

    static Arguments lie(String name, int exit, UnaryOperator<List<ObjectNode>> how) {
        return Arguments.of(name, exit, how);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lies")
    @Timeout(300)
    void rejectedByTlcAndJava(String name, int exit, UnaryOperator<List<ObjectNode>> how, @TempDir Path tmp) {
        Path bad = write(tmp, "bad", how.apply(copy()));
        Verdict java = validate(bad, "--java-only");
        assertEquals(exit, java.exit(), name + ": Java side\n" + java.text());
        Verdict tlc = validate(bad, "--tlc-only");
        assertEquals(exit, tlc.exit(), name + ": TLC side\n" + tlc.text());
    }

    @ParameterizedTest(name = "the good run itself conforms ({0})")
    @MethodSource("sides")
    @Timeout(300)
    void goodRunConforms(String side, @TempDir Path tmp) {
        Verdict v = validate(write(tmp, "good", copy()), side);
        assertEquals(0, v.exit(), v.text());
        assertTrue(v.text().contains("conforms"), v.text());
    }

    static Stream<String> sides() {
        return Stream.of("--java-only", "--tlc-only");
    }
}
