package dev.conform.cli;

import static dev.conform.cli.RunCommandTest.conform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.cli.RunCommandTest.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PBFT state transfer end to end: replica 4, cut off while the others checkpoint past its window,
 * installs the state replica 3 (Byzantine, replaying old messages, otherwise following the protocol)
 * sends it; the trace conforms to TLC (TracePBFT) and the Java invariants. Lies about the
 * InstallState are rejected: a proof one Checkpoint short and a jump past the installed seq by
 * both; a snapshot that does not hash to the certified state by the Java checks (TLC does not
 * recompute SHA-256).
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PbftStateTransferTraceTest {
    private static final String SPEC = Path.of("../specs/pbft/TracePBFT.tla").toAbsolutePath().normalize().toString();
    private static final String PLAN = "{\"events\":[{\"type\":\"byzantine\",\"at\":0,\"node\":3,\"behaviours\":[\"replay\"]},"
            + "{\"type\":\"isolate\",\"at\":10,\"node\":4},{\"type\":\"heal\",\"at\":900}]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path trace;
    private List<Map<String, Object>> events;
    /** Index of replica 4's InstallState event; the delivery it consumes is right before it. */
    private int install;

    @BeforeEach
    void run() throws Exception {
        Path p = dir.resolve("plan.json");
        Files.writeString(p, PLAN);
        trace = dir.resolve("st.ndjson");
        Outcome run = conform("run", "pbft", "--seed", "2", "--plan", p.toString(), "--option", "ops=10", "--option",
                "checkpointEvery=2", "--option", "window=4", "--steps", "20000", "--out", trace.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("stop_condition"), run.out());
        events = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = JSON.readValue(line, LinkedHashMap.class);
            events.add(e);
        }
        install = -1;
        for (int i = 0; i < events.size() && install < 0; i++) {
            if ("InstallState".equals(events.get(i).get("action")) && Integer.valueOf(4).equals(events.get(i).get("node"))) {
                install = i;
            }
        }
        assertTrue(install > 0, "replica 4 installs state");
        assertEquals(3, msg(events.get(install - 1)).get("from"), "the installed StateReply is the Byzantine replica's");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> msg(Map<String, Object> e) {
        return (Map<String, Object>) e.get("msg");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Map<String, Object> e) {
        return (Map<String, Object>) msg(e).get("body");
    }

    /** Writes the trace with {@code lie} applied to the installed StateReply's send and delivery bodies. */
    private Path lieAboutReply(String name, Consumer<Map<String, Object>> lie) throws Exception {
        Object id = msg(events.get(install - 1)).get("id");
        int changed = 0;
        for (Map<String, Object> e : events) {
            if (e.get("msg") != null && id.equals(msg(e).get("id"))) {
                lie.accept(body(e));
                changed++;
            }
        }
        assertTrue(changed >= 2, "the reply's send and delivery");
        return write(name);
    }

    private Path write(String name) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> e : events) {
            b.append(JSON.writeValueAsString(e)).append('\n');
        }
        Path out = dir.resolve(name);
        Files.writeString(out, b.toString());
        return out;
    }

    private static Outcome validate(Path t, String... mode) {
        List<String> args = new ArrayList<>(List.of("validate", "--spec", SPEC, "--trace", t.toString()));
        args.addAll(List.of(mode));
        return conform(args.toArray(String[]::new));
    }

    @Test
    void theInstalledStateConformsToTlcAndJava() {
        Outcome v = validate(trace);
        assertEquals(0, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("CONFORMS"), v.out());
    }

    @Test
    void anInstallOnAProofOneCheckpointShortIsRejectedByBoth() throws Exception {
        Path bad = lieAboutReply("short-proof.ndjson", b -> ((List<?>) b.get("proof")).remove(0));
        Outcome v = validate(bad);
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("DIVERGES"), v.out());
        assertTrue(v.out().contains("CheckpointSafety violated"), v.out());
    }

    @Test
    void anInstallRecordingAnotherSeqThanTheReplysIsRejectedByBoth() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) events.get(install).get("state");
        long seq = ((Number) st.get("executed")).longValue();
        st.put("executed", seq + 2);
        st.put("h", seq + 2);
        Outcome v = validate(write("jump.ndjson"));
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("DIVERGES"), v.out());
        assertTrue(v.out().contains("after installing seq " + seq), v.out());
    }

    @Test
    void anInstalledSnapshotThatIsNotTheCertifiedStateIsRejectedByJava() throws Exception {
        Path bad = lieAboutReply("snapshot.ndjson", b -> b.put("snapshot", "{\"data\":{},\"sessions\":{}}"));
        Outcome v = validate(bad, "--java-only");
        assertEquals(1, v.code(), v.out() + v.err());
        assertNotNull(v.out());
        assertTrue(v.out().contains("CheckpointSafety violated") && v.out().contains("snapshot hashes to"), v.out());
    }
}
