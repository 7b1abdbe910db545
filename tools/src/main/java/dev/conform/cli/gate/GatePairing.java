package dev.conform.cli.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conform.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spec folder's {@code gate.json} (format in README.md): which registered algorithm the folder pairs
 * with, which MC configs the gate model-checks, the trace spec that validates sampled runs, and
 * the chaos budget per {@link Budget}. Optional {@code flawConfigs} maps a teaching flaw to the
 * MC config that demonstrates it, {@code horizon} is the span of chaos plans in ticks, and
 * {@code variants} lists the ways the implementation runs ({@link GateVariant}), which share the
 * budget's seeds, and {@code linearizability} declares that the algorithm's clients speak the
 * key-value client messages, so every chaos run's client history is checked
 * ({@link LinearizabilitySettings}), and {@code progress} that every chaos run must reach its stop
 * condition soon after its plan's last fault ({@link ProgressSettings}).
 */
public record GatePairing(Path folder, String algorithm, List<String> modelCheck, String traceSpec, long steps,
        String intensity, long horizon, Map<String, String> options, Map<Budget, Integer> seeds,
        Map<Budget, Integer> tlcSample, Map<String, String> flawConfigs, List<GateVariant> variants,
        LinearizabilitySettings linearizability, ProgressSettings progress) {

    public static final String FILE = "gate.json";

    /** The folder's pairing, or null when it has no gate.json. */
    public static GatePairing read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode root = JsonObjectFile.read(file, "a JSON object (see the gate.json format in README.md)");
        Reader r = new Reader(file, root);
        GatePairing p = new GatePairing(folder, r.text("algorithm", null), r.texts("modelCheck"),
                r.text("traceSpec", null), r.positive("steps", 4000), r.text("intensity", "MEDIUM"),
                r.positive("horizon", 500), r.textMap("options"), r.budgets("seeds"), r.budgets("tlcSample"),
                r.textMap("flawConfigs"), r.variants(), LinearizabilitySettings.read(file, root.get("linearizability")),
                ProgressSettings.read(file, root.get("progress")));
        for (String cfg : p.modelCheck) {
            r.requireFile(cfg);
        }
        for (String cfg : p.flawConfigs.values()) {
            r.requireFile(cfg);
        }
        if (p.traceSpec != null) {
            r.requireFile(p.traceSpec);
        }
        for (GateVariant v : p.variants) {
            if (v.traceSpec() != null) {
                r.requireFile(v.traceSpec());
            }
        }
        return p;
    }

    public int seeds(Budget b) {
        return seeds.get(b);
    }

    public int tlcSample(Budget b) {
        return Math.min(tlcSample.get(b), seeds.get(b));
    }

    public Path traceSpecPath() {
        return traceSpec == null ? null : folder.resolve(traceSpec);
    }

    /** Field-by-field reading with one clear message per mistake. */
    private record Reader(Path file, JsonNode root) {
        String text(String field, String def) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                if (def == null && field.equals("algorithm")) {
                    throw new UserError(file + ": \"algorithm\" is required");
                }
                return def;
            }
            if (!n.isTextual()) {
                throw new UserError(file + ": \"" + field + "\" must be a string");
            }
            return n.asText();
        }

        long positive(String field, long def) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return def;
            }
            if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 1) {
                throw new UserError(file + ": \"" + field + "\" must be a positive integer");
            }
            return n.asLong();
        }

        List<String> texts(String field) {
            JsonNode n = root.get(field);
            List<String> out = new ArrayList<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (!n.isArray()) {
                throw new UserError(file + ": \"" + field + "\" must be an array of file names");
            }
            for (JsonNode x : n) {
                if (!x.isTextual()) {
                    throw new UserError(file + ": \"" + field + "\" must be an array of file names");
                }
                out.add(x.asText());
            }
            return List.copyOf(out);
        }

        Map<String, String> textMap(String field) {
            JsonNode n = root.get(field);
            Map<String, String> out = new LinkedHashMap<>();
            if (n == null || n.isNull()) {
                return out;
            }
            if (!n.isObject()) {
                throw new UserError(file + ": \"" + field + "\" must be an object of strings");
            }
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw new UserError(file + ": \"" + field + "\"." + e.getKey() + " must be a string");
                }
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }

        Map<Budget, Integer> budgets(String field) {
            JsonNode n = root.get(field);
            if (n == null || !n.isObject()) {
                throw new UserError(file + ": \"" + field + "\" must be an object {\"quick\": N, \"default\": N, \"soak\": N}");
            }
            Map<Budget, Integer> out = new EnumMap<>(Budget.class);
            for (Budget b : Budget.values()) {
                JsonNode v = n.get(b.key());
                if (v == null || !v.isIntegralNumber() || v.asInt() < 0) {
                    throw new UserError(file + ": \"" + field + "\"." + b.key() + " must be a non-negative integer");
                }
                out.put(b, v.asInt());
            }
            return out;
        }

        /** The "variants" array: at least one entry, names unique; absent: the one implicit variant. */
        List<GateVariant> variants() {
            JsonNode n = root.get("variants");
            if (n == null || n.isNull()) {
                return List.of(GateVariant.implicit());
            }
            String shape = "\"variants\" must be a non-empty array of {\"name\": ..., \"options\": {...}}";
            if (!n.isArray() || n.isEmpty()) {
                throw new UserError(file + ": " + shape);
            }
            List<GateVariant> out = new ArrayList<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (JsonNode v : n) {
                if (!v.isObject()) {
                    throw new UserError(file + ": " + shape);
                }
                Reader entry = new Reader(file, v);
                String name = entry.text("name", null);
                if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._+/-]*")) {
                    throw new UserError(file + ": every variant needs a \"name\" of letters, digits and ._+/-");
                }
                if (!names.add(name)) {
                    throw new UserError(file + ": variant \"" + name + "\" is listed twice");
                }
                for (java.util.Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!List.of("name", "options", "traceSpec").contains(f)) {
                        throw new UserError(file + ": variant \"" + name + "\": unknown field \"" + f + "\"");
                    }
                }
                out.add(new GateVariant(name, entry.textMap("options"), entry.text("traceSpec", null)));
            }
            return List.copyOf(out);
        }

        void requireFile(String name) {
            if (!Files.isRegularFile(file.resolveSibling(name))) {
                throw new UserError(file + ": names " + name + ", which is not in " + file.getParent());
            }
        }
    }
}
