package dev.conform.cli.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conform.cli.UserError;
import dev.conform.runtime.nemesis.FaultEvent;
import dev.conform.runtime.nemesis.FaultPlan;
import dev.conform.runtime.sim.RunResult;
import dev.conform.runtime.sim.StopReason;
import java.nio.file.Path;
import java.util.List;

/**
 * gate.json's {@code "progress": {"property": "EventualDelivery", "within": 600}}: eventual progress
 * of chaos runs. The invariants see safety only, so a flaw that merely stops a run (a lost message
 * never sent again) passes them; this rule sees it. A chaos plan ends every fault it starts (every
 * crash is restarted, every partition healed, every link fault cleared: {@code PlanGenerator}), so
 * after the plan's last fault a correct implementation must reach its stop condition, and the
 * rule demands it within {@code within} ticks of that fault. A Byzantine server never stops being
 * one, but a plan makes at most as many Byzantine as the algorithm tolerates, so the rule holds
 * all the same, counted from the Byzantine event's time too when it is the last. A run that ends any other way before
 * then (out of steps, or with nothing left to happen) fails it too: the pairing that opts in
 * promises a step budget long enough for its workload, so failing closed is right.
 *
 * <p>The rule reads only how the run ended ({@link RunResult}) and the plan: traces are unchanged.
 *
 * @param property the spec's liveness property the rule stands for, named in every failure
 * @param within   ticks after the last fault (after tick 0 for an empty plan) by which the run
 *                 must have reached its stop condition
 */
public record ProgressSettings(String property, long within) {

    /** Null when the run made progress in time, else one line naming the property and how it failed. */
    public String violation(FaultPlan plan, RunResult result) {
        long lastFault = lastFault(plan);
        long deadline = lastFault + within;
        if (result.reason() == StopReason.STOP_CONDITION && result.time() <= deadline) {
            return null;
        }
        String ended = switch (result.reason()) {
            case STOP_CONDITION -> "reached its stop condition only at tick " + result.time();
            case STEP_BUDGET -> "spent its step budget (" + result.steps() + " steps) at tick " + result.time()
                    + " without reaching its stop condition";
            case TIME_BUDGET -> "spent its time budget at tick " + result.time() + " without reaching its stop condition";
            case QUIESCENT -> "stopped at tick " + result.time()
                    + " with nothing left to happen, its stop condition unreached";
        };
        return property + " violated: no progress within " + within + " ticks of the last fault (tick " + lastFault
                + ", so by tick " + deadline + "): the run " + ended;
    }

    /** The time of the plan's last fault, 0 for an empty plan (events are sorted by time). */
    static long lastFault(FaultPlan plan) {
        List<FaultEvent> events = plan.events();
        return events.isEmpty() ? 0 : events.get(events.size() - 1).at();
    }

    /** The field's settings, or null when gate.json has none (the pairing does not opt in). */
    static ProgressSettings read(Path file, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String shape = "\"progress\" must be {\"property\": \"LivenessPropertyName\", \"within\": TICKS}";
        if (!n.isObject()) {
            throw new UserError(file + ": " + shape);
        }
        for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("property", "within").contains(f)) {
                throw new UserError(file + ": \"progress\": unknown field \"" + f + "\"");
            }
        }
        JsonNode p = n.get("property");
        if (p == null || !p.isTextual() || !p.asText().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new UserError(file + ": \"progress\".property must name the spec's liveness property; " + shape);
        }
        JsonNode w = n.get("within");
        if (w == null || !w.isIntegralNumber() || !w.canConvertToLong() || w.asLong() < 1) {
            throw new UserError(file + ": \"progress\".within must be a positive number of ticks; " + shape);
        }
        return new ProgressSettings(p.asText(), w.asLong());
    }
}
