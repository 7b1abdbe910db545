package dev.conform.runtime.shrink;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.List;
import java.util.Map;

/**
 * A deliberately buggy toy protocol for the shrinker: node 1 writes an increasing value to the
 * other nodes every few ticks; they store it and record "Store", but never persist it, so a crash
 * followed by a restart makes a node's value go back ("Start" with 0). The property "a node's
 * value never decreases" fails exactly when some node is crashed and restarted after storing.
 */
public final class ForgetfulRegister extends AbstractAlgorithm<ForgetfulRegister.Write> {
    public record Write(int value) {
    }

    static final class RegisterNode implements Node<Write> {
        int value;

        @Override
        public void onStart(Context<Write> ctx) {
            ctx.action("Start", Map.of("value", value));
            if (ctx.self() == 1) {
                ctx.setTimer("write", 2, 5);
            }
        }

        @Override
        public void onMessage(Context<Write> ctx, int from, Write msg) {
            if (msg.value() > value) {
                value = msg.value();
                ctx.action("Store", Map.of("value", value));
            }
        }

        @Override
        public void onTimer(Context<Write> ctx, String timer) {
            value++;
            ctx.action("Store", Map.of("value", value));
            ctx.persist(Map.of("value", value));
            ctx.broadcast(new Write(value));
            ctx.setTimer("write", 2, 5);
        }
    }

    ForgetfulRegister() {
        super("forgetful-register", Write.class);
    }

    @Override
    public Node<Write> create(int id, List<Integer> servers, Object persisted, Options options) {
        RegisterNode n = new RegisterNode();
        if (persisted instanceof Map<?, ?> m) {
            n.value = ((Number) m.get("value")).intValue();
        }
        return n;
    }
}
