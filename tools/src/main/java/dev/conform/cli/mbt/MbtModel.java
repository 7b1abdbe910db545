package dev.conform.cli.mbt;

import dev.conform.checker.value.TlaValue;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one algorithm's spec behaviours are replayed into its implementation: which file TLC
 * simulates, which stimulus each spec action stands for, and how spec states, messages and the
 * states the implementation records are compared. The mapping is the one the algorithm's trace
 * spec uses (the same action names, the same recorded-state fields), read in the other direction.
 *
 * <p>The simulated module must label every state with the step that led to it in a variable
 * {@code mbtStep = [action, node, msg]} and name, in {@code mbtOwed}, the steps the implementation
 * takes in the same handler as the last one, which are then the next steps: one
 * {@code [action, node]} ({@code "none"} for none) or a sequence of such records, in order.
 *
 * @param <M> the algorithm's message type
 */
public interface MbtModel<M> {

    /** The algorithm name, as {@code conform run} knows it. */
    String name();

    Algorithm<M> algorithm();

    /** The module TLC simulates and its default config, in the algorithm's spec folder. */
    String module();

    String config();

    /** Servers of the implementation's cluster for a behaviour starting in {@code init} (ids 1..n, the spec's). */
    int servers(Map<String, TlaValue> init);

    /** The implementation's options for {@code behaviour} (from its constants and its choices). */
    Options options(List<Map<String, TlaValue>> behaviour);

    /** What the driver does to make the implementation take {@code step}. */
    Stimulus stimulus(MbtStep step);

    /** Every spec action a behaviour may take, for the coverage figure. */
    List<String> actions();

    /**
     * Whether the implementation records an action for {@code step}: by default all but crashes and
     * losses. A spec step the implementation takes without recording it (a send, a restart) is
     * checked by what it sent and who is up once nothing is owed.
     */
    default boolean records(MbtStep step) {
        Stimulus s = stimulus(step);
        return !(s instanceof Stimulus.Crash) && !(s instanceof Stimulus.Lose) && !(s instanceof Stimulus.Reboot);
    }

    /**
     * The state node {@code node} should record for an action, as the spec has it in {@code after}
     * (the state the step led to from {@code before}), in the shape {@link #recorded} gives.
     */
    Map<String, Object> specView(int node, Map<String, TlaValue> before, Map<String, TlaValue> after);

    /**
     * Whether {@code recorded} (normalised by {@link #recorded}) is the state the spec has after the
     * step from {@code before} to {@code after}: by default equal to {@link #specView}. A model whose
     * implementation may leave out or repeat unchanged parts overrides it, as its trace spec reads them.
     */
    default boolean agrees(int node, Map<String, TlaValue> before, Map<String, TlaValue> after,
            Map<String, Object> recorded) {
        return specView(node, before, after).equals(recorded);
    }

    /** The state an action recorded, normalised (sets as sorted lists) for comparison. */
    Map<String, Object> recorded(int node, Object state);

    /** A message's canonical form: the same string for a spec message and the implementation's. */
    String key(TlaValue specMessage);

    /** The implementation's message in the same form; null for traffic the spec does not model (clients). */
    String key(int from, int to, M message);

    /** The messages the spec's network holds in {@code state} (their {@link #key}s). */
    Set<String> specMessages(Map<String, TlaValue> state);

    /** Whether node {@code node} is up in {@code state}. */
    boolean specUp(int node, Map<String, TlaValue> state);

    /** What the driver does for one spec step. */
    sealed interface Stimulus {
        /** Nothing to do: the implementation took the action by itself (at start, or in the handler before). */
        record Own() implements Stimulus {
        }

        /** Deliver the step's message (a copy from the network when none is in flight). */
        record Deliver() implements Stimulus {
        }

        /** Fire the node's timer. */
        record Fire(String timer) implements Stimulus {
        }

        /** Crash the node (no action is recorded). */
        record Crash() implements Stimulus {
        }

        /** Restart the node from what it persisted. */
        record Restart() implements Stimulus {
        }

        /** Crash the node and restart it from what it persisted: a spec whose restart is one step. */
        record Reboot() implements Stimulus {
        }

        /** An external endpoint (a client) {@code from} sends {@code message} to the node, delivered at once. */
        record Inject(int from, Object message) implements Stimulus {
        }

        /** The network loses the step's message (no action is recorded). */
        record Lose() implements Stimulus {
        }
    }
}
