package dev.conform.checker.mutate;

import dev.conform.checker.mutate.FieldRule.Change;
import java.util.List;

/**
 * What the generic operators cannot know from the trace format: per algorithm, the recorded
 * state fields its spec models ({@link FieldRule}), its client replies that claim success, and
 * header parameters whose other values no trace of this run could be a behaviour of.
 *
 * @param algorithm  the header's algorithm
 * @param fields     modelled state fields (empty: the state-field operators do not apply)
 * @param reply      client replies (null: the algorithm has none)
 * @param parameters header parameters with alternatives (empty: none)
 * @param acceptAction the client action that takes a result as committed the moment the reply
 *                     completing its quorum arrives (PBFT's AcceptResult after f+1 matching
 *                     Replies); null when a single server's success reply is the result
 */
public record AlgorithmTable(String algorithm, List<FieldRule> fields, Reply reply, List<Parameter> parameters,
                             String acceptAction) {

    /**
     * A client reply that claims success, and the request action that must be committed before it.
     *
     * @param replyType     the reply's message type
     * @param successField  the boolean body field that is true on success
     * @param requestType   the request's message type
     * @param requestAction the server action that takes the request in (before it is committed)
     * @param matchField    the body field reply and request share (the client's request number)
     * @param appendedField the state field the request action records the request in (Raft's log,
     *                      Paxos's accepted slots)
     */
    public record Reply(String replyType, String successField, String requestType, String requestAction,
                        String matchField, String appendedField) {
    }

    /**
     * A header parameter whose value the recorded states reveal (so another value is a lie).
     *
     * @param path   dot-separated path from the header
     * @param values every value it can take
     */
    public record Parameter(String path, List<String> values) {
    }

    public AlgorithmTable {
        fields = List.copyOf(fields);
        parameters = List.copyOf(parameters);
    }

    /** A table whose clients take a single server's success reply as the result (no acceptAction). */
    public AlgorithmTable(String algorithm, List<FieldRule> fields, Reply reply, List<Parameter> parameters) {
        this(algorithm, fields, reply, parameters, null);
    }

    /** Every algorithm with Java invariants and a trace spec; the algorithm-swap operator picks among them. */
    static final List<String> ALGORITHMS = List.of("raft", "twopc", "crdt", "pingcounter", "paxos",
            "clocks", "causal", "erasure", "swim", "pbft");

    static AlgorithmTable of(String algorithm) {
        return switch (algorithm) {
            case "raft" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("currentTerm", Change.SHIFT),
                    FieldRule.of("votedFor", Change.PHANTOM_VALUE),
                    FieldRule.of("commitIndex", Change.SHIFT)),
                    new Reply("ClientReply", "ok", "ClientRequest", "ClientRequest", "seq", "log"), List.of());
            case "paxos" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("ballot", Change.SHIFT),
                    FieldRule.of("promised", Change.SHIFT),
                    FieldRule.of("applied", Change.SHIFT),
                    FieldRule.of("snapshotIndex", Change.SHIFT)),
                    new Reply("ClientReply", "ok", "ClientRequest", "Propose", "seq", "accepted"), List.of());
            case "twopc" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("rmState", Change.ENUM, "working", "prepared", "committed", "aborted"),
                    FieldRule.of("tmState", Change.ENUM, "init", "waiting", "committed", "aborted")),
                    null, List.of());
            case "crdt" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("crdt.counts.*", Change.SHIFT),
                    FieldRule.of("crdt.counts", Change.PHANTOM_KEY),
                    FieldRule.of("crdt.inc.counts.*", Change.SHIFT),
                    FieldRule.of("crdt.dec.counts.*", Change.SHIFT),
                    FieldRule.of("crdt.value", Change.TEXT),
                    FieldRule.of("crdt.entries.*.value", Change.TEXT)),
                    null, List.of(new Parameter("params.options.type",
                            List.of("g-counter", "pn-counter", "lww-register", "lww-map", "or-set"))));
            case "clocks" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("lc", Change.SHIFT),
                    FieldRule.of("vc.*", Change.SHIFT),
                    FieldRule.of("vc", Change.PHANTOM_KEY),
                    FieldRule.of("events", Change.SHIFT)),
                    null, List.of());
            case "causal" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("nextSeq", Change.SHIFT),
                    FieldRule.of("delivered.*", Change.SHIFT),
                    FieldRule.of("delivered", Change.PHANTOM_KEY),
                    FieldRule.of("held", Change.SHIFT),
                    FieldRule.of("seq", Change.SHIFT),
                    FieldRule.of("origin", Change.SHIFT),
                    FieldRule.of("value", Change.TEXT)),
                    null, List.of());
            case "erasure" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("nextVersion.*", Change.SHIFT),
                    FieldRule.of("committed.*", Change.SHIFT),
                    FieldRule.of("sessions.*", Change.SHIFT),
                    FieldRule.of("shards.*.*.data", Change.TEXT),
                    FieldRule.of("shards.*.*.length", Change.SHIFT)),
                    new Reply("ClientReply", "ok", "ClientRequest", "StartWrite", "seq", "pending"),
                    List.of(new Parameter("params.options.k", List.of("1", "2", "3", "4")),
                            new Parameter("params.options.m", List.of("0", "1", "2", "3"))));
            case "swim" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("inc", Change.SHIFT),
                    FieldRule.of("round", Change.SHIFT),
                    FieldRule.of("view.*.inc", Change.SHIFT),
                    FieldRule.of("view.*.status", Change.ENUM, "alive", "suspect", "dead", "left"),
                    FieldRule.of("view", Change.PHANTOM_KEY)),
                    null, List.of());
            case "pbft" -> new AlgorithmTable(algorithm, List.of(
                    FieldRule.of("view", Change.SHIFT),
                    FieldRule.of("h", Change.SHIFT),
                    FieldRule.of("executed", Change.SHIFT),
                    FieldRule.of("log.*.view", Change.SHIFT),
                    FieldRule.of("log.*.digest", Change.TEXT),
                    FieldRule.of("state", Change.TEXT)),
                    null, List.of(new Parameter("params.options.checkpointEvery", List.of("1", "2", "4", "8"))),
                    "AcceptResult");
            case "pingcounter", "pingcounter-fifo" -> new AlgorithmTable(algorithm, List.of(FieldRule.of("count", Change.SHIFT)),
                    null, List.of());
            default -> new AlgorithmTable(algorithm, List.of(), null, List.of());
        };
    }
}
