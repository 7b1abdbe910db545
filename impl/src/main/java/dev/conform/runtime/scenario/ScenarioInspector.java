package dev.conform.runtime.scenario;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import dev.conform.runtime.sim.SteppedSimulator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scenario language needs to know about one algorithm: how to print its messages and
 * node states compactly, which timer {@code campaign} fires, which client commands exist and
 * which {@code assert} forms it understands. The runner does everything else generically.
 *
 * <p>Methods that read arguments throw {@link IllegalArgumentException} with a short message for
 * malformed input; the runner adds the file and line. Inspectors are registered for
 * {@link ServiceLoader} in {@code META-INF/services/dev.conform.runtime.scenario.ScenarioInspector}.
 *
 * @param <M> the algorithm's message type
 */
public interface ScenarioInspector<M> {
    Algorithm<M> algorithm();

    /** The timer {@code campaign N} fires, or null when the algorithm has no elections. */
    default String electionTimer() {
        return null;
    }

    /** One line describing a message, without sender and receiver. */
    String message(M msg);

    /** One line describing server {@code id} (up or down), starting with its id. */
    String state(int id, SteppedSimulator<M> sim);

    /** First words of client commands ({@code put}, {@code get}, ...); empty when none. */
    default Set<String> clientVerbs() {
        return Set.of();
    }

    /** The request a client sends for {@code words} (verb first), numbered {@code seq}. */
    default M clientRequest(int clientId, long seq, List<String> words) {
        throw new IllegalArgumentException(algorithm().name() + " has no client commands");
    }

    /**
     * As above, in a run built with the resolved {@code options} (e.g. the key seed a request is
     * signed with); the runner calls this one.
     */
    default M clientRequest(int clientId, long seq, List<String> words, Options options) {
        return clientRequest(clientId, seq, words);
    }

    /** The server a client command goes to when the script names none (e.g. the leader), 0: none. */
    default int clientTarget(SteppedSimulator<M> sim) {
        return 0;
    }

    /**
     * Evaluates {@code assert WORDS...} (words after {@code assert}). Returns null when the
     * assertion holds, otherwise one line saying what was found instead.
     */
    String check(List<String> words, SteppedSimulator<M> sim);

    /** The registered inspector of algorithm {@code name}; IllegalArgumentException listing the known ones. */
    static ScenarioInspector<?> forAlgorithm(String name) {
        TreeSet<String> known = new TreeSet<>();
        for (ScenarioInspector<?> i : ServiceLoader.load(ScenarioInspector.class)) {
            if (i.algorithm().name().equals(name)) {
                return i;
            }
            known.add(i.algorithm().name());
        }
        throw new IllegalArgumentException("no scenario support for algorithm '" + name + "'; known: "
                + String.join(", ", known));
    }
}
