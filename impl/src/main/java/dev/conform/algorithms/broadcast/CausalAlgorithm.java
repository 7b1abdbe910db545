package dev.conform.algorithms.broadcast;

import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Options;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code causal} algorithm descriptor: the broadcast protocol of this package delivering in
 * causal order, written for a network that loses, duplicates and reorders. Options, resolved into
 * the trace header: {@code count} (default 3) values per server, {@code retransmit} (default 20)
 * ticks between retransmissions, {@code every} (default 10): a server's broadcasts are
 * {@code [every, 4 every]} ticks apart. Teaching flaws: {@value #FLAW_FIFO_ONLY} and the FIFO
 * broadcast's {@code no-relay} and {@code no-retransmit}.
 */
public final class CausalAlgorithm extends BroadcastAlgorithm {
    public static final String NAME = "causal";
    public static final String FLAW_FIFO_ONLY = "fifo-only";
    /** Broadcasts are spread out ({@code [every, 4 every]} ticks apart) so a chaos plan meets them. */
    static final long DEFAULT_EVERY = 10;

    public CausalAlgorithm() {
        super(NAME, "causal broadcast: vector-clock delivery condition, hold-back queue, acks and retransmission",
                NetSemantics.UNRELIABLE);
    }

    @Override
    DeliveryOrder order(Options options) {
        return options.flaw(FLAW_FIFO_ONLY) ? DeliveryOrder.FIFO : DeliveryOrder.CAUSAL;
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(FLAW_FIFO_ONLY, "delivery on receipt in origin order only: a value may overtake one its origin had delivered");
        f.putAll(super.flaws());
        return f;
    }

    @Override
    public Options resolveOptions(Options options, long seed) {
        int count = options.getInt("count", 3);
        long retransmit = options.getLong("retransmit", 20);
        long every = options.getLong("every", DEFAULT_EVERY);
        if (count < 0 || count > 999) {
            throw new IllegalArgumentException("option count must be in 0..999, got " + count);
        }
        if (retransmit < 1) {
            throw new IllegalArgumentException("option retransmit must be at least 1, got " + retransmit);
        }
        if (every < 1 || every > 1000) {
            throw new IllegalArgumentException("option every must be in 1..1000, got " + every);
        }
        return options.with("count", count).with("retransmit", retransmit).with("every", every);
    }
}
