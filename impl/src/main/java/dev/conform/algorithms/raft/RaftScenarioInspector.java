package dev.conform.algorithms.raft;

import static dev.conform.runtime.scenario.ScenarioArgs.need;
import static dev.conform.runtime.scenario.ScenarioArgs.number;
import static dev.conform.runtime.scenario.ScenarioArgs.server;
import static java.util.stream.Collectors.joining;

import dev.conform.algorithms.raft.kv.KvCommand;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import dev.conform.runtime.Algorithm;
import dev.conform.runtime.Node;
import dev.conform.runtime.scenario.ScenarioArgs;
import dev.conform.runtime.scenario.ScenarioInspector;
import dev.conform.runtime.sim.SteppedSimulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raft's part of the scenario language: compact states and messages, the {@code put}/{@code get}/
 * {@code cas} client commands (sent to the leader), and the Raft assertions:
 *
 * <pre>
 * assert leader N | none          N is the only up leader (none: no up server leads)
 * assert role N follower          role of N (follower, candidate, leader, down)
 * assert term T [on SET]          currentTerm on SET (default: every up server)
 * assert vote N V                 votedFor of N (0: none)
 * assert committed C [on SET]     commitIndex on SET (default: every up server)
 * assert log N = [1:x=1, 2:y=2]   N's entries after its snapshot, as term:command
 * assert snapshot N I             N's snapshot covers indices 1..I
 * assert value N K V              key K of N's applied key-value store is V ('-': absent)
 * </pre>
 *
 * SET is {@code all}, one id, or a set like {@code {1,3}}. Entries print as {@code term:k=v}
 * for a put, {@code term:get(k)} and {@code term:cas(k,old,new)}.
 */
public final class RaftScenarioInspector implements ScenarioInspector<RaftMessage> {
    private final RaftAlgorithm algorithm = new RaftAlgorithm();

    @Override
    public Algorithm<RaftMessage> algorithm() {
        return algorithm;
    }

    @Override
    public String electionTimer() {
        return RaftNode.ELECTION_TIMER;
    }

    // ---- printing ----------------------------------------------------------------------

    @Override
    public String message(RaftMessage msg) {
        if (msg instanceof RaftMessage.RequestVote m) {
            return "RequestVote term=" + m.term() + " lastLog=" + m.lastLogIndex() + "/" + m.lastLogTerm();
        } else if (msg instanceof RaftMessage.RequestVoteResponse m) {
            return "RequestVoteResponse term=" + m.term() + (m.voteGranted() ? " granted" : " refused");
        } else if (msg instanceof RaftMessage.AppendEntries m) {
            return "AppendEntries term=" + m.term() + " prev=" + m.prevLogIndex() + "/" + m.prevLogTerm()
                    + " entries=" + entries(m.entries()) + " commit=" + m.leaderCommit();
        } else if (msg instanceof RaftMessage.AppendEntriesResponse m) {
            return "AppendEntriesResponse term=" + m.term() + (m.success() ? " ok" : " rejected")
                    + " match=" + m.matchIndex();
        } else if (msg instanceof RaftMessage.InstallSnapshot m) {
            return "InstallSnapshot term=" + m.term() + " last=" + m.lastIncludedIndex() + "/"
                    + m.lastIncludedTerm() + " data=" + m.data();
        } else if (msg instanceof RaftMessage.InstallSnapshotResponse m) {
            return "InstallSnapshotResponse term=" + m.term() + " match=" + m.matchIndex();
        } else if (msg instanceof RaftMessage.ClientRequest m) {
            return "ClientRequest seq=" + m.seq() + " " + m.op();
        } else if (msg instanceof RaftMessage.ClientReply m) {
            return "ClientReply seq=" + m.seq() + (m.ok() ? " ok" + (m.value() == null ? "" : " " + m.value())
                    : " not leader, try " + m.leaderHint());
        }
        return String.valueOf(msg);
    }

    @Override
    public String state(int id, SteppedSimulator<RaftMessage> sim) {
        Node<RaftMessage> node = sim.node(id);
        if (!(node instanceof RaftNode n)) {
            RaftPersistentState p = (RaftPersistentState) sim.persisted(id);
            if (p == null) {
                return id + " down";
            }
            return id + " down      disk: term=" + p.currentTerm() + " vote=" + p.votedFor()
                    + " log=" + entries(p.log()) + snapshot(p.snapshotIndex(), p.snapshotTerm());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(id).append(' ').append(String.format(Locale.ROOT, "%-9s", n.role().name()))
                .append(" term=").append(n.currentTerm()).append(" vote=").append(n.votedFor())
                .append(" commit=").append(n.commitIndex()).append(" log=").append(entries(n.log().entries()))
                .append(snapshot(n.log().snapshotIndex(), n.log().snapshotTerm()));
        if (n.role() == Role.Leader) {
            sb.append(" match=").append(progress(n.matchIndex()));
        }
        return sb.toString();
    }

    private static String snapshot(long index, long term) {
        return index == 0 ? "" : " snap=" + index + "/" + term;
    }

    private static String progress(Map<Integer, Long> m) {
        return m.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(joining(" ", "{", "}"));
    }

    static String entries(List<LogEntry> log) {
        return log.stream().map(e -> e.term() + ":" + command(e.value())).collect(joining(", ", "[", "]"));
    }

    /** A log value without its client id and sequence number, and k=v for a put. */
    private static String command(String value) {
        String op;
        try {
            op = ClientCommand.decode(value).op();
        } catch (IllegalArgumentException e) {
            return value;
        }
        try {
            KvCommand k = KvCommand.parse(op);
            return switch (k.kind()) {
                case PUT -> k.key() + "=" + k.value();
                case GET -> "get(" + k.key() + ")";
                case APPEND -> k.key() + "+=" + k.value();
                case CAS -> "cas(" + k.key() + "," + (k.expected() == null ? KvCommand.ABSENT
                        : k.expected()) + "," + k.value() + ")";
            };
        } catch (IllegalArgumentException e) {
            return op;
        }
    }

    // ---- clients -----------------------------------------------------------------------

    @Override
    public Set<String> clientVerbs() {
        return Set.of("put", "get", "cas", "append");
    }

    @Override
    public RaftMessage clientRequest(int clientId, long seq, List<String> words) {
        String op = String.join(" ", words);
        KvCommand.parse(op); // rejects malformed commands here, with the script's line
        return new RaftMessage.ClientRequest(clientId, seq, op);
    }

    /** The up leader with the highest term (the lowest id among equals). */
    @Override
    public int clientTarget(SteppedSimulator<RaftMessage> sim) {
        return leaders(sim).stream().max(Comparator.comparingLong(id -> up(id, sim).currentTerm())).orElse(0);
    }

    private static List<Integer> leaders(SteppedSimulator<RaftMessage> sim) {
        return sim.servers().stream().filter(id -> sim.node(id) instanceof RaftNode n && n.role() == Role.Leader)
                .toList();
    }

    // ---- assertions --------------------------------------------------------------------

    @Override
    public String check(List<String> w, SteppedSimulator<RaftMessage> sim) {
        String what = w.get(0);
        switch (what) {
            case "leader" -> {
                need(w, 2, "assert leader N|none");
                List<Integer> leaders = leaders(sim);
                List<Integer> want = w.get(1).equals("none") ? List.of() : List.of(server(w.get(1), sim));
                return leaders.equals(want) ? null : "leaders are " + leaders;
            }
            case "role" -> {
                need(w, 3, "assert role N follower|candidate|leader|down");
                int id = server(w.get(1), sim);
                String role = sim.node(id) instanceof RaftNode n ? n.role().name().toLowerCase(Locale.ROOT) : "down";
                return role.equals(w.get(2).toLowerCase(Locale.ROOT)) ? null : id + " is " + role;
            }
            case "term", "committed" -> {
                if (w.size() != 2 && !(w.size() == 4 && w.get(2).equals("on"))) {
                    throw new IllegalArgumentException("usage: assert " + what + " N [on all|ID|{IDS}]");
                }
                long want = number(w.get(1));
                List<String> wrong = new ArrayList<>();
                for (int id : set(w.size() == 4 ? w.get(3) : "all", sim)) {
                    RaftNode n = up(id, sim);
                    long got = what.equals("term") ? n.currentTerm() : n.commitIndex();
                    if (got != want) {
                        wrong.add(id + " has " + got);
                    }
                }
                return wrong.isEmpty() ? null : String.join(", ", wrong);
            }
            case "vote" -> {
                need(w, 3, "assert vote N V");
                RaftNode n = up(server(w.get(1), sim), sim);
                return n.votedFor() == number(w.get(2)) ? null : "voted for " + n.votedFor();
            }
            case "log" -> {
                if (w.size() != 4 || !w.get(2).equals("=")) {
                    throw new IllegalArgumentException("usage: assert log N = [term:command, ...]");
                }
                String got = entries(up(server(w.get(1), sim), sim).log().entries());
                return normal(got).equals(normal(w.get(3))) ? null : "log is " + got;
            }
            case "snapshot" -> {
                need(w, 3, "assert snapshot N INDEX");
                RaftNode n = up(server(w.get(1), sim), sim);
                return n.snapshotIndex() == number(w.get(2)) ? null : "snapshot index is " + n.snapshotIndex();
            }
            case "value" -> {
                need(w, 4, "assert value N KEY VALUE");
                RaftNode n = up(server(w.get(1), sim), sim);
                String got = ((KvStateMachine) n.stateMachine()).read(w.get(2));
                String shown = got == null ? KvCommand.ABSENT : got;
                return shown.equals(w.get(3)) ? null : w.get(2) + " is " + shown;
            }
            default -> throw new IllegalArgumentException("unknown assertion '" + what
                    + "' (leader, role, term, vote, committed, log, snapshot, value)");
        }
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static RaftNode up(int id, SteppedSimulator<RaftMessage> sim) {
        return ScenarioArgs.up(id, sim, RaftNode.class);
    }

    /** all (every up server), one id, or {a,b}. */
    private static Set<Integer> set(String s, SteppedSimulator<RaftMessage> sim) {
        Set<Integer> ids = new TreeSet<>();
        if (s.equals("all")) {
            for (int id : sim.servers()) {
                if (sim.up(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }
        String inner = s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
        for (String part : inner.split(",")) {
            ids.add(server(part.trim(), sim));
        }
        return ids;
    }
}
