package dev.conform.algorithms.pbft;

import static dev.conform.runtime.scenario.ScenarioArgs.need;
import static dev.conform.runtime.scenario.ScenarioArgs.number;
import static dev.conform.runtime.scenario.ScenarioArgs.server;
import static java.util.stream.Collectors.joining;

import dev.conform.algorithms.pbft.PbftMessage.Checkpoint;
import dev.conform.algorithms.pbft.PbftMessage.ClientRequest;
import dev.conform.algorithms.pbft.PbftMessage.Commit;
import dev.conform.algorithms.pbft.PbftMessage.NewView;
import dev.conform.algorithms.pbft.PbftMessage.PrePrepare;
import dev.conform.algorithms.pbft.PbftMessage.Prepare;
import dev.conform.algorithms.pbft.PbftMessage.Reply;
import dev.conform.algorithms.pbft.PbftMessage.ViewChange;
import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Options;
import dev.conform.runtime.scenario.ScenarioArgs;
import dev.conform.runtime.scenario.ScenarioInspector;
import dev.conform.runtime.sim.SteppedSimulator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PBFT's part of the scenario language: compact statements and replica states, the key-value
 * client commands (signed by the scripted client, sent to the primary of the highest view), and
 * the assertions
 *
 * <pre>
 * assert view N V          N is in view V and not changing views
 * assert changing N V      N started the view change to V and has no NewView for it yet
 * assert executed N I      N executed seqs 1..I
 * assert stable N H        N's stable checkpoint (low water mark) is H
 * assert log N = [...]     N's log, as printed in states (seq:view:request[:P|:C])
 * assert value N K V       key K of N's store is V ('-': absent)
 * </pre>
 *
 * Signatures are not printed (every statement shown is signed by its replica or client); a digest
 * prints as its first 6 hex digits, a request as its operation. In a state, a log entry is the
 * accepted PrePrepare of the highest view, P when prepared in that view, C when committed-local.
 * There is no election timer: a view change starts when a replica's {@code request} timer fires
 * ({@code fire N request}) or on {@code tick}.
 */
public final class PbftScenarioInspector implements ScenarioInspector<PbftMessage> {
    private final PbftAlgorithm algorithm = new PbftAlgorithm();

    @Override
    public Algorithm<PbftMessage> algorithm() {
        return algorithm;
    }

    @Override
    public String message(PbftMessage msg) {
        if (msg instanceof ClientRequest m) {
            return "Request seq=" + m.seq() + " " + m.op() + " d=" + digest(m.digest());
        } else if (msg instanceof PrePrepare m) {
            return "PrePrepare v=" + m.view() + " n=" + m.seq() + " d=" + digest(m.digest()) + " "
                    + (m.request() == null ? "null" : m.request().op());
        } else if (msg instanceof Prepare m) {
            return "Prepare v=" + m.view() + " n=" + m.seq() + " d=" + digest(m.digest());
        } else if (msg instanceof Commit m) {
            return "Commit v=" + m.view() + " n=" + m.seq() + " d=" + digest(m.digest());
        } else if (msg instanceof Reply m) {
            return "Reply v=" + m.view() + " seq=" + m.seq() + " result=" + (m.result() == null ? "-" : m.result());
        } else if (msg instanceof Checkpoint m) {
            return "Checkpoint n=" + m.seq() + " state=" + digest(m.state());
        } else if (msg instanceof ViewChange m) {
            return "ViewChange v=" + m.view() + " stable=" + m.stable() + " proof="
                    + m.proof().stream().map(c -> "" + c.replica()).collect(joining(",", "{", "}")) + " prepared="
                    + m.prepared().stream().map(c -> c.prePrepare().seq() + ":" + c.prePrepare().view() + ":"
                            + digest(c.prePrepare().digest())).collect(joining(", ", "[", "]"));
        } else if (msg instanceof NewView m) {
            return "NewView v=" + m.view() + " from="
                    + m.viewChanges().stream().map(c -> "" + c.replica()).collect(joining(",", "{", "}"))
                    + " prePrepares=" + m.prePrepares().stream().map(p -> p.seq() + ":" + digest(p.digest()))
                            .collect(joining(", ", "[", "]"));
        }
        return String.valueOf(msg);
    }

    private static String digest(String d) {
        return d == null || d.equals(Digests.NULL) || d.length() <= 6 ? String.valueOf(d) : d.substring(0, 6);
    }

    @Override
    public String state(int id, SteppedSimulator<PbftMessage> sim) {
        if (!(sim.node(id) instanceof PbftReplica r)) {
            PbftPersistentState p = (PbftPersistentState) sim.persisted(id);
            return p == null ? id + " down" : id + " down   disk: v=" + p.view() + (p.changing() ? " changing" : "")
                    + " h=" + p.h() + " executed=" + p.executed();
        }
        return id + (r.primary() ? " primary " : "         ") + "v=" + r.view() + (r.changing() ? " changing" : "")
                + " h=" + r.stableCheckpoint() + " executed=" + r.executed() + " log=" + log(r)
                + " pending=" + r.pending.size() + " store=" + r.store().contents();
    }

    /** seq:view:request per accepted PrePrepare of the highest view, :P prepared, :C committed-local. */
    private static String log(PbftReplica r) {
        StringBuilder sb = new StringBuilder("[");
        for (Map.Entry<Long, Slot> e : r.log.entrySet()) {
            PrePrepare pp = e.getValue().latest();
            if (pp == null) {
                continue;
            }
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(':').append(pp.view()).append(':')
                    .append(pp.request() == null ? "null" : pp.request().op());
            if (r.q.committed(e.getValue(), pp.view())) {
                sb.append(":C");
            } else if (r.q.prepared(e.getValue(), pp.view())) {
                sb.append(":P");
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public Set<String> clientVerbs() {
        return Set.of("put", "get", "cas", "append");
    }

    @Override
    public PbftMessage clientRequest(int clientId, long seq, List<String> words) {
        return clientRequest(clientId, seq, words, Options.empty());
    }

    /** A request as {@link PbftClient} sends it, signed with the run's key seed. */
    @Override
    public PbftMessage clientRequest(int clientId, long seq, List<String> words, Options options) {
        String op = KvCommand.parse(String.join(" ", words)).encode();
        long keySeed = options.getLong(PbftOptions.KEY_SEED, 0);
        return Keys.signer(keySeed, clientId).sign(new ClientRequest(clientId, seq, op,
                Digests.request(clientId, seq, op), null));
    }

    /** The primary of the highest view an up replica is in (whether that replica is up or not). */
    @Override
    public int clientTarget(SteppedSimulator<PbftMessage> sim) {
        PbftReplica any = null;
        for (int id : sim.servers()) {
            if (sim.node(id) instanceof PbftReplica r && (any == null || r.view() > any.view())) {
                any = r;
            }
        }
        return any == null ? 0 : any.q.primary(any.view());
    }

    @Override
    public String check(List<String> w, SteppedSimulator<PbftMessage> sim) {
        switch (w.get(0)) {
            case "view", "changing" -> {
                need(w, 3, "assert " + w.get(0) + " N V");
                PbftReplica r = up(server(w.get(1), sim), sim);
                boolean changing = w.get(0).equals("changing");
                return r.view() == number(w.get(2)) && r.changing() == changing ? null
                        : "view is " + r.view() + (r.changing() ? " (changing)" : "");
            }
            case "executed", "stable" -> {
                need(w, 3, "assert " + w.get(0) + " N SEQ");
                PbftReplica r = up(server(w.get(1), sim), sim);
                long got = w.get(0).equals("executed") ? r.executed() : r.stableCheckpoint();
                return got == number(w.get(2)) ? null : w.get(0) + " is " + got;
            }
            case "log" -> {
                if (w.size() < 4 || !w.get(2).equals("=")) {
                    throw new IllegalArgumentException("usage: assert log N = [seq:view:request, ...]");
                }
                String got = log(up(server(w.get(1), sim), sim));
                String want = String.join(" ", w.subList(3, w.size()));
                return got.replaceAll("\\s+", "").equals(want.replaceAll("\\s+", "")) ? null : "log is " + got;
            }
            case "value" -> {
                need(w, 4, "assert value N KEY VALUE");
                String got = up(server(w.get(1), sim), sim).store().read(w.get(2));
                String shown = got == null ? KvCommand.ABSENT : got;
                return shown.equals(w.get(3)) ? null : w.get(2) + " is " + shown;
            }
            default -> throw new IllegalArgumentException("unknown assertion '" + w.get(0)
                    + "' (view, changing, executed, stable, log, value)");
        }
    }

    private static PbftReplica up(int id, SteppedSimulator<PbftMessage> sim) {
        return ScenarioArgs.up(id, sim, PbftReplica.class);
    }
}
