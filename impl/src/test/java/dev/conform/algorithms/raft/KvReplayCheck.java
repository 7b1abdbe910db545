package dev.conform.algorithms.raft;

import dev.conform.algorithms.raft.kv.KvClientNode;
import dev.conform.algorithms.raft.kv.KvStateMachine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks clients' results against the committed log: replaying the committed values 1..max in
 * a fresh store must give every completed command exactly the result its client saw. As each
 * command takes effect at its log position, between its invocation and its reply, this makes
 * the clients' histories linearizable (reads included, since reads go through the log).
 */
final class KvReplayCheck {
    private KvReplayCheck() {
    }

    /** Problems found; empty when every client result matches the replay. */
    static List<String> check(Map<Long, String> committedValues, Map<Integer, KvClientNode> clients) {
        List<String> problems = new ArrayList<>();
        long max = committedValues.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        KvStateMachine replay = new KvStateMachine();
        Map<String, String> resultOf = new HashMap<>();
        for (long i = 1; i <= max; i++) {
            String v = committedValues.get(i);
            if (v == null) {
                problems.add("committed index " + i + " never observed");
                return problems;
            }
            ClientCommand c = ClientCommand.decode(v);
            String r = replay.apply(v);
            resultOf.putIfAbsent(c.clientId() + "/" + c.seq(), r);
        }
        clients.forEach((id, client) -> {
            for (KvClientNode.Completed done : client.history()) {
                String key = id + "/" + done.seq();
                if (!resultOf.containsKey(key)) {
                    problems.add("client " + key + " completed but is not in the committed log");
                } else if (!Objects.equals(resultOf.get(key), done.result())) {
                    problems.add("client " + key + " (" + done.op() + ") saw " + done.result()
                            + ", the log gives " + resultOf.get(key));
                }
            }
        });
        return problems;
    }
}
