package dev.conform.cli.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conform.checker.tlc.Verdict;
import dev.conform.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A spec folder's {@code expected.json}: configs that demonstrate a failure, e.g.
 * {@code {"MCTwoPhaseLive.cfg": {"verdict": "PROPERTY_VIOLATED", "name": "Live"}}}. Such a config
 * passes the gate only when TLC reports exactly that verdict (and name, when given).
 */
final class Expectations {
    /** What one config is expected to produce. */
    record Expected(Verdict verdict, String name) {
    }

    private final Map<String, Expected> byConfig;

    private Expectations(Map<String, Expected> byConfig) {
        this.byConfig = byConfig;
    }

    static Expectations read(Path folder) {
        Path file = folder.resolve("expected.json");
        Map<String, Expected> map = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return new Expectations(map);
        }
        JsonNode root = JsonObjectFile.read(file, "a JSON object keyed by .cfg file name");
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue().get("verdict");
            if (v == null || !v.isTextual()) {
                throw new UserError(file + ": entry \"" + e.getKey() + "\" needs a \"verdict\" string");
            }
            Verdict verdict;
            try {
                verdict = Verdict.valueOf(v.asText());
            } catch (IllegalArgumentException ex) {
                throw new UserError(file + ": entry \"" + e.getKey() + "\": unknown verdict " + v.asText());
            }
            JsonNode name = e.getValue().get("name");
            map.put(e.getKey(), new Expected(verdict, name == null || name.isNull() ? null : name.asText()));
        }
        return new Expectations(map);
    }

    /** The expectation for a config file name, or null (then OK is expected). */
    Expected forConfig(String configFileName) {
        return byConfig.get(configFileName);
    }
}
