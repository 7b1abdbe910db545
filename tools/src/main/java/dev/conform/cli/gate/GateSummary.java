package dev.conform.cli.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one gate run did, written beside its JUnit files ({@value #FILE}) so that {@code gate-merge}
 * can judge the shards of a CI matrix as one gate: which shard, a fingerprint of the whole gate's
 * work (the same only for shards of the same gate: specs, budget, seeds, selection and flaw), how
 * many units of that work this shard did and the whole has, its exit code and every outcome.
 *
 * @param shard       K/N ({@code 1/1}: an unsharded run)
 * @param fingerprint SHA-256 of the whole gate's work units and flaw
 * @param totalWork   units of work of the whole gate
 * @param work        units of work this shard did
 * @param exitCode    the exit code of this run
 * @param outcomes    its checks' outcomes, in order
 */
public record GateSummary(GateShard shard, String fingerprint, int totalWork, int work, int exitCode,
        List<GateOutcome> outcomes) {
    public static final String FILE = "conform-gate-summary.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GateSummary {
        outcomes = List.copyOf(outcomes);
    }

    /** The fingerprint of a whole gate: its work units (in order) and its teaching flaw. */
    public static String fingerprint(List<String> wholeWork, String flaw) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(("flaw=" + flaw + "\n").getBytes(StandardCharsets.UTF_8));
            for (String w : wholeWork) {
                d.update((w + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.put("shard", shard.toString());
        root.put("fingerprint", fingerprint);
        root.put("totalWork", totalWork);
        root.put("work", work);
        root.put("exitCode", exitCode);
        ArrayNode list = root.putArray("outcomes");
        outcomes.forEach(o -> list.add(toJson(o)));
        Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads {@code dir}'s summary; an IOException (missing, unreadable, malformed) says which and why. */
    public static GateSummary read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no gate summary (did that gate run finish, with --junit " + dir + "?)");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            List<GateOutcome> outcomes = new ArrayList<>();
            for (JsonNode o : required(root, "outcomes")) {
                outcomes.add(fromJson(o));
            }
            return new GateSummary(GateShard.parse(required(root, "shard").asText()),
                    required(root, "fingerprint").asText(), required(root, "totalWork").asInt(),
                    required(root, "work").asInt(), required(root, "exitCode").asInt(), outcomes);
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": unreadable gate summary: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v;
    }

    private static ObjectNode toJson(GateOutcome o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("suite", o.suite());
        n.put("variant", o.variant());
        n.put("name", o.name());
        n.put("passed", o.passed());
        n.put("verdict", o.verdict());
        n.put("exitCode", o.exitCode());
        n.put("distinctStates", o.distinctStates());
        n.put("depth", o.depth());
        n.put("timeMillis", o.time().toMillis());
        n.put("detail", o.detail());
        n.put("runs", o.runs());
        n.put("traces", o.traces());
        n.put("events", o.events());
        o.replay().forEach(n.putArray("replay")::add);
        ArrayNode reports = n.putArray("reports");
        o.reports().forEach(r -> reports.add(r.toString()));
        if (o.coverage() != null) {
            ObjectNode c = n.putObject("coverage");
            c.put("runs", o.coverage().runs());
            o.coverage().reached().forEach(c.putObject("reached")::put);
            o.coverage().actions().forEach(c.putObject("actions")::put);
        }
        return n;
    }

    private static GateOutcome fromJson(JsonNode n) {
        List<String> replay = new ArrayList<>();
        n.path("replay").forEach(r -> replay.add(r.asText()));
        List<Path> reports = new ArrayList<>();
        n.path("reports").forEach(r -> reports.add(Path.of(r.asText())));
        CoverageSummary coverage = null;
        JsonNode c = n.get("coverage");
        if (c != null && !c.isNull()) {
            Map<String, Integer> reached = new LinkedHashMap<>();
            c.path("reached").fields().forEachRemaining(e -> reached.put(e.getKey(), e.getValue().asInt()));
            Map<String, Long> actions = new LinkedHashMap<>();
            c.path("actions").fields().forEachRemaining(e -> actions.put(e.getKey(), e.getValue().asLong()));
            coverage = new CoverageSummary(c.path("runs").asInt(), reached, actions);
        }
        return new GateOutcome(required(n, "suite").asText(), text(n, "variant"), required(n, "name").asText(),
                required(n, "passed").asBoolean(), required(n, "verdict").asText(), required(n, "exitCode").asInt(),
                n.hasNonNull("distinctStates") ? n.get("distinctStates").asLong() : null,
                n.hasNonNull("depth") ? n.get("depth").asLong() : null,
                Duration.ofMillis(n.path("timeMillis").asLong()), text(n, "detail"), n.path("runs").asLong(),
                n.path("traces").asLong(), n.path("events").asLong(), replay, reports, coverage);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
