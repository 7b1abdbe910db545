package dev.conform.algorithms.clocks;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's descriptor of {@code clocks} (Lamport and vector clocks). Options, both resolved
 * into the trace header: {@code events} (default 6), how many Local and Send events each node
 * performs; {@code every} (default 5), the ticks between them (a timer in {@code [every, 2 every]}).
 * No stop condition: a run goes on until every event is done and every Tick is received or lost.
 * Teaching flaw {@value #FLAW_NO_MERGE}.
 */
public final class ClocksAlgorithm extends AbstractAlgorithm<Tick> {
    public static final String NAME = "clocks";
    public static final String FLAW_NO_MERGE = "no-merge";
    static final int DEFAULT_EVENTS = 6;
    static final int DEFAULT_EVERY = 5;

    public ClocksAlgorithm() {
        // A lost, late or repeated Tick is just another receive (or none): any network will do.
        super(NAME, "Lamport and vector clocks stamped on messages and merged on receipt",
                Tick.class, ClockState.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<Tick> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new ClocksNode(id, servers, (ClockState) persisted, events(options), every(options),
                !options.flaw(FLAW_NO_MERGE));
    }

    @Override
    public Map<String, String> flaws() {
        return Map.of(FLAW_NO_MERGE, "a receive ticks the clocks without merging the message's stamp");
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("events", "every");
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        return options.with("events", events(options)).with("every", every(options));
    }

    private static int events(Options options) {
        int e = options.getInt("events", DEFAULT_EVENTS);
        if (e < 0 || e > 999) {
            throw new IllegalArgumentException("option events must be in 0..999, got " + e);
        }
        return e;
    }

    private static int every(Options options) {
        int e = options.getInt("every", DEFAULT_EVERY);
        if (e < 1 || e > 1000) {
            throw new IllegalArgumentException("option every must be in 1..1000, got " + e);
        }
        return e;
    }
}
