package dev.conform.cli.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conform.checker.linearizability.Budget;
import dev.conform.checker.linearizability.Model;
import dev.conform.cli.UserError;
import dev.conform.cli.options.DurationConverter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

/**
 * gate.json's {@code "linearizability": {"model": "kv", "budget": "2s", "maxStates": N}}: the pairing's clients
 * speak the key-value client messages ({@code ClientRequest}/{@code ClientReply}, read by
 * {@link dev.conform.checker.linearizability.TraceHistory}), so the gate checks every chaos run's
 * client history against {@code model} within {@code budget} per run. An algorithm opts in by
 * declaring it; without the field its runs are not checked for linearizability.
 *
 * @param model     the sequential specification (register, cas-register or kv)
 * @param budget    wall time per run; running out is UNKNOWN, a failure of the check
 * @param maxStates search states per run (the memory the search keeps; default
 *                  {@value Budget#DEFAULT_MAX_STATES}); running out is UNKNOWN too
 */
public record LinearizabilitySettings(Model model, Duration budget, long maxStates) {
    /** Two seconds: a chaos run's history has tens of operations and checks in milliseconds. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

    /** The check's budget for one run. */
    public Budget perRun() {
        return new Budget(budget, maxStates);
    }

    /** The field's settings, or null when gate.json has none. */
    static LinearizabilitySettings read(Path file, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String shape = "\"linearizability\" must be {\"model\": \"register|cas-register|kv\", \"budget\": \"2s\", "
                + "\"maxStates\": N}";
        if (!n.isObject()) {
            throw new UserError(file + ": " + shape);
        }
        for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("model", "budget", "maxStates").contains(f)) {
                throw new UserError(file + ": \"linearizability\": unknown field \"" + f + "\"");
            }
        }
        JsonNode m = n.get("model");
        Model model = m != null && m.isTextual() ? Model.byName(m.asText()) : null;
        if (model == null) {
            throw new UserError(file + ": " + shape);
        }
        JsonNode b = n.get("budget");
        Duration budget = DEFAULT_BUDGET;
        if (b != null && !b.isNull()) {
            try {
                budget = b.isTextual() ? new DurationConverter().convert(b.asText()) : null;
            } catch (CommandLine.TypeConversionException e) {
                budget = null;
            }
            if (budget == null) {
                throw new UserError(file + ": \"linearizability\".budget must be a positive duration such as \"2s\"");
            }
        }
        JsonNode s = n.get("maxStates");
        long maxStates = Budget.DEFAULT_MAX_STATES;
        if (s != null && !s.isNull()) {
            if (!s.isIntegralNumber() || s.asLong() < 1) {
                throw new UserError(file + ": \"linearizability\".maxStates must be a positive integer");
            }
            maxStates = s.asLong();
        }
        return new LinearizabilitySettings(model, budget, maxStates);
    }
}
