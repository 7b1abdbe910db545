package dev.conform.runtime.byzantine;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.Adversary;
import dev.conform.runtime.Context;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A toy algorithm that tolerates f = (n - 1) / 3 Byzantine servers, for the runtime's Byzantine
 * machinery: every server broadcasts {@code Vote(voter, round, value = its id)} at start and in
 * three more rounds, ten ticks apart (a fixed timer: no random draw), and records {@code Count}
 * with the votes it heard. Its adversary knows three behaviours: {@code lie} (negates the value of
 * every vote it sends), {@code silence} (sends nothing) and {@code echo} (sends every vote it
 * receives back to its sender, besides its own).
 */
public final class Tally extends AbstractAlgorithm<Tally.Vote> {
    public record Vote(int voter, int round, int value) {
    }

    static final int ROUNDS = 4;

    static final class TallyNode implements Node<Vote> {
        private final int id;
        private int round;
        private final Map<String, Integer> heard = new TreeMap<>();

        TallyNode(int id) {
            this.id = id;
        }

        @Override
        public void onStart(Context<Vote> ctx) {
            vote(ctx);
        }

        @Override
        public void onMessage(Context<Vote> ctx, int from, Vote v) {
            heard.put(v.voter() + "/" + v.round(), v.value());
            ctx.action("Count", Map.copyOf(heard));
        }

        @Override
        public void onTimer(Context<Vote> ctx, String timer) {
            round++;
            vote(ctx);
        }

        private void vote(Context<Vote> ctx) {
            ctx.action("Vote", Map.of("round", round));
            ctx.broadcast(new Vote(id, round, id));
            if (round + 1 < ROUNDS) {
                ctx.setTimer("round", 10, 10);
            }
        }
    }

    /** The toy adversary: what {@link Tally}'s behaviours make a Byzantine server send. */
    static final class Liar implements Adversary<Vote> {
        final Setup setup;
        final List<Envelope<Vote>> seen = new ArrayList<>();

        Liar(Setup setup) {
            this.setup = setup;
        }

        @Override
        public List<Envelope<Vote>> sends(Envelope<Vote> received, List<Envelope<Vote>> honest) {
            if (received != null) {
                seen.add(received);
            }
            if (setup.behaviours().contains("silence")) {
                return List.of();
            }
            List<Envelope<Vote>> out = new ArrayList<>();
            for (Envelope<Vote> e : honest) {
                Vote v = e.msg();
                out.add(setup.behaviours().contains("lie") ? new Envelope<>(e.peer(), new Vote(v.voter(), v.round(), -v.value())) : e);
            }
            if (received != null && setup.behaviours().contains("echo")) {
                out.add(received);
            }
            return out;
        }
    }

    /** The adversaries built so far, for tests to inspect. */
    final List<Liar> adversaries = new ArrayList<>();

    public Tally() {
        super("tally", Vote.class);
    }

    @Override
    public Node<Vote> create(int id, List<Integer> servers, Object persisted, Options options) {
        return new TallyNode(id);
    }

    @Override
    public int byzantineTolerance(List<Integer> servers, Options options) {
        return (servers.size() - 1) / 3;
    }

    @Override
    public Set<String> byzantineBehaviours() {
        return Set.of("lie", "silence", "echo");
    }

    @Override
    public Adversary<Vote> adversary(Adversary.Setup setup) {
        Liar l = new Liar(setup);
        adversaries.add(l);
        return l;
    }
}
