package dev.conform.algorithms.paxos;

import static dev.conform.runtime.scenario.ScenarioArgs.need;
import static dev.conform.runtime.scenario.ScenarioArgs.number;
import static dev.conform.runtime.scenario.ScenarioArgs.server;
import static java.util.stream.Collectors.joining;

import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.scenario.ScenarioArgs;
import dev.conform.runtime.scenario.ScenarioInspector;
import dev.conform.runtime.sim.SteppedSimulator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Multi-Paxos's part of the scenario language: compact messages and states, the key-value client
 * commands (sent to the leader of the highest ballot), and the assertions
 *
 * <pre>
 * assert leader N | none        N is the only up leader (none: no up server leads)
 * assert chosen N = [1:v, ...]  N's chosen slots above its snapshot (values as printed in states)
 * assert applied N I            N applied every slot up to I
 * assert snapshot N I           N's snapshot covers slots 1..I
 * assert value N K V            key K of N's store is V ('-': absent)
 * </pre>
 *
 * Values print as Raft's do ({@code k=v}, {@code get(k)}, {@code cas(k,old,new)}) or {@code noop};
 * a vote as {@code slot:ballot:value}.
 */
public final class PaxosScenarioInspector implements ScenarioInspector<PaxosMessage> {
    private final PaxosAlgorithm algorithm = new PaxosAlgorithm();

    @Override
    public Algorithm<PaxosMessage> algorithm() {
        return algorithm;
    }

    @Override
    public String electionTimer() {
        return PaxosNode.ELECTION_TIMER;
    }

    @Override
    public String message(PaxosMessage msg) {
        if (msg instanceof PaxosMessage.Prepare m) {
            return "Prepare b=" + m.ballot();
        } else if (msg instanceof PaxosMessage.Promise m) {
            return "Promise b=" + m.ballot() + " votes=" + m.accepted().stream()
                    .map(v -> v.slot() + ":" + v.ballot() + ":" + value(v.value())).collect(joining(", ", "[", "]"))
                    + " snap=" + m.snapshotIndex();
        } else if (msg instanceof PaxosMessage.Accept m) {
            return "Accept b=" + m.ballot() + " slot=" + m.slot() + " " + value(m.value());
        } else if (msg instanceof PaxosMessage.Accepted m) {
            return "Accepted b=" + m.ballot() + " slot=" + m.slot();
        } else if (msg instanceof PaxosMessage.Decide m) {
            return "Decide slot=" + m.slot() + " " + value(m.value());
        } else if (msg instanceof PaxosMessage.Heartbeat m) {
            return "Heartbeat b=" + m.ballot() + " chosenUpTo=" + m.chosenUpTo();
        } else if (msg instanceof PaxosMessage.CatchUp m) {
            return "CatchUp b=" + m.ballot() + " applied=" + m.applied();
        } else if (msg instanceof PaxosMessage.InstallSnapshot m) {
            return "InstallSnapshot b=" + m.ballot() + " index=" + m.index() + " state=" + m.state();
        } else if (msg instanceof PaxosMessage.Nack m) {
            return "Nack b=" + m.ballot();
        } else if (msg instanceof PaxosMessage.ClientRequest m) {
            return "ClientRequest seq=" + m.seq() + " " + m.op();
        } else if (msg instanceof PaxosMessage.ClientReply m) {
            return "ClientReply seq=" + m.seq() + (m.ok() ? " ok" + (m.value() == null ? "" : " " + m.value())
                    : " not leader, try " + m.leaderHint());
        }
        return String.valueOf(msg);
    }

    @Override
    public String state(int id, SteppedSimulator<PaxosMessage> sim) {
        if (!(sim.node(id) instanceof PaxosNode n)) {
            PaxosPersistentState p = (PaxosPersistentState) sim.persisted(id);
            return p == null ? id + " down" : id + " down   disk: ballot=" + p.ballot() + " promised=" + p.promised()
                    + " votes=" + votes(p.accepted()) + " snap=" + p.snapshotIndex();
        }
        return id + (n.leading() ? " leader " : "        ") + "ballot=" + n.ballot() + " promised=" + n.promised()
                + " votes=" + votes(n.persistentState().accepted()) + " chosen=" + chosen(n)
                + " applied=" + n.applied() + " snap=" + n.snapshotIndex();
    }

    private static String votes(List<Vote> votes) {
        return votes.stream().map(v -> v.slot() + ":" + v.ballot() + ":" + value(v.value()))
                .collect(joining(", ", "[", "]"));
    }

    private static String chosen(PaxosNode n) {
        return n.learner.chosen().entrySet().stream().map(e -> e.getKey() + ":" + value(e.getValue()))
                .collect(joining(", ", "[", "]"));
    }

    /** A slot value without client id and sequence number, k=v for a put. */
    static String value(String v) {
        if (Learner.NOOP.equals(v)) {
            return v;
        }
        int b = v.indexOf(':', v.indexOf(':') + 1);
        String op = b < 0 ? v : v.substring(b + 1);
        try {
            KvCommand k = KvCommand.parse(op);
            return switch (k.kind()) {
                case PUT -> k.key() + "=" + k.value();
                case GET -> "get(" + k.key() + ")";
                case APPEND -> k.key() + "+=" + k.value();
                case CAS -> "cas(" + k.key() + "," + (k.expected() == null ? KvCommand.ABSENT : k.expected()) + ","
                        + k.value() + ")";
            };
        } catch (IllegalArgumentException e) {
            return op;
        }
    }

    @Override
    public Set<String> clientVerbs() {
        return Set.of("put", "get", "cas", "append");
    }

    @Override
    public PaxosMessage clientRequest(int clientId, long seq, List<String> words) {
        String op = String.join(" ", words);
        KvCommand.parse(op);
        return new PaxosMessage.ClientRequest(clientId, seq, op);
    }

    /** The up leader of the highest ballot, 0 when none leads. */
    @Override
    public int clientTarget(SteppedSimulator<PaxosMessage> sim) {
        return leaders(sim).stream().max(Comparator.comparingLong(id -> up(id, sim).ballot())).orElse(0);
    }

    private static List<Integer> leaders(SteppedSimulator<PaxosMessage> sim) {
        return sim.servers().stream().filter(id -> sim.node(id) instanceof PaxosNode n && n.leading()).toList();
    }

    @Override
    public String check(List<String> w, SteppedSimulator<PaxosMessage> sim) {
        switch (w.get(0)) {
            case "leader" -> {
                need(w, 2, "assert leader N|none");
                List<Integer> want = w.get(1).equals("none") ? List.of() : List.of(server(w.get(1), sim));
                return leaders(sim).equals(want) ? null : "leaders are " + leaders(sim);
            }
            case "chosen" -> {
                if (w.size() != 4 || !w.get(2).equals("=")) {
                    throw new IllegalArgumentException("usage: assert chosen N = [slot:value, ...]");
                }
                String got = chosen(up(server(w.get(1), sim), sim));
                return got.replaceAll("\\s+", "").equals(w.get(3).replaceAll("\\s+", "")) ? null : "chosen is " + got;
            }
            case "applied", "snapshot" -> {
                need(w, 3, "assert " + w.get(0) + " N INDEX");
                PaxosNode n = up(server(w.get(1), sim), sim);
                long got = w.get(0).equals("applied") ? n.applied() : n.snapshotIndex();
                return got == number(w.get(2)) ? null : w.get(0) + " is " + got;
            }
            case "value" -> {
                need(w, 4, "assert value N KEY VALUE");
                String got = ((KvStateMachine) up(server(w.get(1), sim), sim).store()).read(w.get(2));
                String shown = got == null ? KvCommand.ABSENT : got;
                return shown.equals(w.get(3)) ? null : w.get(2) + " is " + shown;
            }
            default -> throw new IllegalArgumentException("unknown assertion '" + w.get(0)
                    + "' (leader, chosen, applied, snapshot, value)");
        }
    }

    private static PaxosNode up(int id, SteppedSimulator<PaxosMessage> sim) {
        return ScenarioArgs.up(id, sim, PaxosNode.class);
    }
}
