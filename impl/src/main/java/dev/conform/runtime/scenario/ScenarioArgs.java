package dev.conform.runtime.scenario;

import dev.conform.runtime.sim.SteppedSimulator;
import java.util.List;

/**
 * Reading an inspector's arguments: word counts, numbers, server ids and the live node behind
 * one. Each throws IllegalArgumentException with the message the scenario runner shows.
 */
public final class ScenarioArgs {
    private ScenarioArgs() {
    }

    /** Requires exactly {@code size} words, else names the usage. */
    public static void need(List<String> w, int size, String usage) {
        if (w.size() != size) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }

    public static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + s + "'");
        }
    }

    /** A server id of the simulation (1 .. number of servers). */
    public static int server(String s, SteppedSimulator<?> sim) {
        long id = number(s);
        if (id < 1 || id > sim.servers().size()) {
            throw new IllegalArgumentException("no server " + s);
        }
        return (int) id;
    }

    /** Server {@code id}'s node, which must be up and of type {@code type}. */
    public static <N> N up(int id, SteppedSimulator<?> sim, Class<N> type) {
        Object n = sim.node(id);
        if (!type.isInstance(n)) {
            throw new IllegalArgumentException("server " + id + " is down");
        }
        return type.cast(n);
    }
}
