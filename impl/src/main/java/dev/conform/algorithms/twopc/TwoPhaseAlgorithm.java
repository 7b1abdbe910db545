package dev.conform.algorithms.twopc;

import dev.conform.runtime.AbstractAlgorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code twopc} algorithm descriptor: server 1 coordinates one transaction (trace role
 * {@code coordinator}), servers 2..n take part ({@code participant}), and clients (role
 * {@code client}) ask for the outcome. Options: {@code cooperative=true|false},
 * {@code clients=N} (default 1), {@code voteNo=3,4} and {@code abortEarly=2} (participants that
 * refuse or abort unilaterally). Flaws:
 * {@value #FLAW_COMMIT_BEFORE_ALL_VOTES}, {@value #FLAW_FORGET_VOTE_ON_RESTART} and
 * {@value #FLAW_NEVER_TIMES_OUT}.
 */
public final class TwoPhaseAlgorithm extends AbstractAlgorithm<TwoPhaseMessage> {
    public static final String NAME = "twopc";
    public static final String FLAW_COMMIT_BEFORE_ALL_VOTES = "commit-before-all-votes";
    public static final String FLAW_FORGET_VOTE_ON_RESTART = "forget-vote-on-restart";
    public static final String FLAW_NEVER_TIMES_OUT = "coordinator-never-times-out";
    public static final String ROLE_COORDINATOR = "coordinator";
    public static final String ROLE_PARTICIPANT = "participant";

    public TwoPhaseAlgorithm() {
        // Built for a network that loses and duplicates messages: decisions are resent until
        // acknowledged, uncertain participants and clients ask again.
        super(NAME, "two-phase commit of one transaction, with durable logs, recovery and optional cooperative"
                + " termination", TwoPhaseMessage.class, Object.class, NetSemantics.UNRELIABLE);
    }

    @Override
    public Node<TwoPhaseMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
        return TwoPhaseNodes.create(id, servers, persisted, toTwoPhase(options));
    }

    @Override
    public int defaultServers() {
        return 4;
    }

    /** The lowest server is the {@code coordinator}, the others are {@code participant}s. */
    @Override
    public Map<String, List<Integer>> serverRoles(List<Integer> servers) {
        int coordinator = TwoPhaseNodes.coordinatorOf(servers);
        List<Integer> participants = new ArrayList<>(servers);
        participants.remove(Integer.valueOf(coordinator));
        Map<String, List<Integer>> roles = new LinkedHashMap<>();
        roles.put(ROLE_COORDINATOR, List.of(coordinator));
        roles.put(ROLE_PARTICIPANT, List.copyOf(participants));
        return roles;
    }

    @Override
    public Set<String> optionKeys() {
        return Set.of("cooperative", "voteNo", "abortEarly", "clients");
    }

    @Override
    public int clients(Options options) {
        return options.getInt("clients", 1);
    }

    @Override
    public Node<TwoPhaseMessage> createClient(int id, List<Integer> servers, Options options) {
        return new TwoPhaseClient(servers);
    }

    @Override
    public Map<String, String> flaws() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put(FLAW_COMMIT_BEFORE_ALL_VOTES, "the coordinator commits on the first yes vote: commit without everyone's consent");
        f.put(FLAW_FORGET_VOTE_ON_RESTART, "a restarted participant ignores its logged yes vote and aborts: split outcome");
        f.put(FLAW_NEVER_TIMES_OUT, "the coordinator never times out waiting for votes: blocked for ever by a lost vote"
                + " (only model-based tests see it)");
        return f;
    }

    /** Stops once every server is up, every participant has decided and acknowledged, every client was told. */
    @Override
    public StopCondition<TwoPhaseMessage> stopCondition(Options options) {
        return cluster -> {
            for (int c : cluster.clients()) {
                if (!(cluster.node(c) instanceof TwoPhaseClient client) || "none".equals(client.outcome())) {
                    return false;
                }
            }
            List<Integer> servers = cluster.servers();
            if (!(cluster.node(servers.get(0)) instanceof Coordinator c) || !c.state().decided()) {
                return false;
            }
            for (int r : servers.subList(1, servers.size())) {
                if (!(cluster.node(r) instanceof Participant p) || !p.state().decided()) {
                    return false;
                }
            }
            return c.acked().size() == servers.size() - 1;
        };
    }

    /** Translates runtime options; unknown flaw names are rejected with the known ones listed. */
    public static TwoPhaseOptions toTwoPhase(Options options) {
        TwoPhaseOptions o = new TwoPhaseOptions(options.getBoolean("cooperative", false), Set.of(),
                ids(options, "voteNo"), ids(options, "abortEarly"));
        for (String flaw : options.flaws()) {
            switch (flaw) {
                case FLAW_COMMIT_BEFORE_ALL_VOTES -> o = o.withFlaw(TwoPhaseFlaw.COMMIT_BEFORE_ALL_VOTES);
                case FLAW_FORGET_VOTE_ON_RESTART -> o = o.withFlaw(TwoPhaseFlaw.FORGET_VOTE_ON_RESTART);
                case FLAW_NEVER_TIMES_OUT -> o = o.withFlaw(TwoPhaseFlaw.NEVER_TIMES_OUT);
                default -> throw new IllegalArgumentException("unknown twopc flaw '" + flaw + "'; known: "
                        + FLAW_COMMIT_BEFORE_ALL_VOTES + ", " + FLAW_FORGET_VOTE_ON_RESTART + ", " + FLAW_NEVER_TIMES_OUT);
            }
        }
        return o;
    }

    private static Set<Integer> ids(Options options, String key) {
        String v = options.get(key, "").trim();
        List<Integer> out = new ArrayList<>();
        if (!v.isEmpty()) {
            for (String part : v.split(",")) {
                try {
                    out.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("option " + key + " must list node ids like 2,3, got '" + v + "'");
                }
            }
        }
        return Set.copyOf(out);
    }
}
