package dev.conform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Operators that turn a conforming Raft trace into one the implementation could not have
 * produced (issue 13's classes). Each operator edits a copy of the trace's header and events and
 * returns false when the trace has nothing it applies to. Clocks (lamport, vc) are removed from
 * every mutant, so that the reader's causality rules do not reject it before the spec is asked.
 */
final class RaftTraceMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RAFT = Set.of("RequestVote", "RequestVoteResponse", "AppendEntries",
        "AppendEntriesResponse", "InstallSnapshot", "InstallSnapshotResponse");

    /** A trace as JSON: the header and the events, in order. */
    record Trace(ObjectNode header, List<ObjectNode> events) {
        static Trace read(Path file) {
            try {
                List<String> lines = Files.readAllLines(file);
                List<ObjectNode> ev = new ArrayList<>();
                for (String l : lines.subList(1, lines.size())) {
                    ev.add((ObjectNode) JSON.readTree(l));
                }
                return new Trace((ObjectNode) JSON.readTree(lines.get(0)), ev);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Trace copy() {
            List<ObjectNode> ev = new ArrayList<>();
            events.forEach(e -> ev.add(e.deepCopy()));
            return new Trace(header.deepCopy(), ev);
        }

        void write(Path file) {
            StringBuilder b = new StringBuilder(header.toString()).append('\n');
            for (int k = 0; k < events.size(); k++) {
                ObjectNode e = events.get(k);
                e.put("seq", k);
                e.remove("lamport");
                e.remove("vc");
                b.append(e).append('\n');
            }
            try {
                Files.writeString(file, b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int find(int from, Predicate<ObjectNode> p) {
            for (int i = from; i < events.size(); i++) {
                if (p.test(events.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        long maxId() {
            long max = 0;
            for (ObjectNode e : events) {
                if (e.has("msg")) {
                    max = Math.max(max, e.get("msg").get("id").asLong());
                }
            }
            return max;
        }

        /** The index of the handler action after the delivery at i (its node's next action other than UpdateTerm). */
        int handlerAfter(int i) {
            int node = events.get(i).get("node").asInt();
            return find(i + 1, e -> e.get("node").asInt() == node && kind(e, "action")
                && !e.get("action").asText().equals("UpdateTerm"));
        }
    }

    interface Mutation {
        boolean apply(Trace t);
    }

    static boolean kind(JsonNode e, String k) {
        return e.path("kind").asText().equals(k);
    }

    static String type(JsonNode e) {
        return e.path("msg").path("type").asText();
    }

    static boolean action(JsonNode e, String a) {
        return kind(e, "action") && e.path("action").asText().equals(a);
    }

    private static boolean raftDelivery(ObjectNode e) {
        return kind(e, "deliver") && RAFT.contains(type(e));
    }

    /** Every operator, by name (the names are the test's display names). */
    static Map<String, Mutation> all() {
        Map<String, Mutation> m = new LinkedHashMap<>();
        m.put("deliver an id never sent", t -> {
            int i = t.find(0, RaftTraceMutations::raftDelivery);
            ((ObjectNode) t.events().get(i).get("msg")).put("id", t.maxId() + 1000);
            return true;
        });
        m.put("deliver before the send", t -> {
            int i = t.find(0, RaftTraceMutations::raftDelivery);
            long id = t.events().get(i).get("msg").get("id").asLong();
            int s = t.find(0, e -> kind(e, "send") && e.get("msg").get("id").asLong() == id);
            t.events().add(s, t.events().remove(i));
            return true;
        });
        m.put("second delivery on a reliable network", t -> {
            if (!reliable(t)) {
                return false;
            }
            int i = t.find(0, e -> kind(e, "deliver") && type(e).equals("AppendEntries"));
            int j = t.handlerAfter(i);
            List<ObjectNode> again = new ArrayList<>();
            int node = t.events().get(i).get("node").asInt();
            for (int k = i; k <= j; k++) {
                if (t.events().get(k).get("node").asInt() == node) {
                    again.add(t.events().get(k).deepCopy());
                }
            }
            t.events().addAll(j + 1, again);
            return true;
        });
        m.put("delivery without its handler", t -> {
            int i = t.find(0, e -> kind(e, "deliver") && type(e).equals("AppendEntries"));
            t.events().remove(t.handlerAfter(i));
            return true;
        });
        m.put("two handlers for one delivery", t -> {
            int j = t.handlerAfter(t.find(0, e -> kind(e, "deliver") && type(e).equals("AppendEntries")));
            t.events().add(j + 1, t.events().get(j).deepCopy());
            return true;
        });
        m.put("drop on a lossless network", t -> {
            if (!reliable(t)) {
                return false;
            }
            int i = t.find(0, e -> kind(e, "send") && type(e).equals("AppendEntries"));
            ObjectNode d = t.events().get(i).deepCopy();
            d.put("kind", "drop");
            t.events().add(i + 1, d);
            return true;
        });
        m.put("step while crashed", t -> {
            int i = t.find(0, e -> kind(e, "crash") && servers(t).contains(e.get("node").asInt()));
            if (i < 0) {
                return false;
            }
            ObjectNode timer = JSON.createObjectNode().put("seq", 0).put("node", t.events().get(i).get("node").asInt())
                .put("kind", "timer").put("action", "election");
            t.events().add(i + 1, timer);
            return true;
        });
        m.put("restart without crash", t -> {
            t.events().add(0, JSON.createObjectNode().put("seq", 0).put("node", 1).put("kind", "restart"));
            return true;
        });
        m.put("volatile state kept across a restart", RaftTraceMutations::volatileKept);
        m.put("persisted state lost across a restart", t -> {
            int i = t.find(0, e -> kind(e, "restart") && e.path("state").path("currentTerm").asLong() > 0);
            if (i < 0) {
                return false;
            }
            ((ObjectNode) t.events().get(i).get("state")).put("currentTerm", 0);
            return true;
        });
        m.put("term changed in a handler's state", t -> {
            ObjectNode st = state(t, t.find(0, e -> action(e, "HandleAppendEntries")));
            st.put("currentTerm", st.get("currentTerm").asLong() + 1);
            return true;
        });
        m.put("vote changed in a handler's state", t -> {
            int i = t.find(0, e -> action(e, "HandleRequestVote") && e.get("state").get("votedFor").asInt() != 0);
            if (i < 0) {
                return false;
            }
            ObjectNode st = state(t, i);
            int voted = st.get("votedFor").asInt();
            int self = t.events().get(i).get("node").asInt();
            st.put("votedFor", servers(t).stream().filter(s -> s != voted && s != self).findFirst().orElseThrow());
            return true;
        });
        m.put("a vote counted that was not granted", t -> {
            int i = t.find(0, e -> action(e, "HandleRequestVoteResponse") && e.get("state").has("votesGranted"));
            if (i < 0) {
                return false;
            }
            ArrayNode votes = (ArrayNode) state(t, i).get("votesGranted");
            int self = t.events().get(i).get("node").asInt();
            List<Integer> counted = new java.util.ArrayList<>();
            votes.forEach(v -> counted.add(v.asInt()));
            int extra = servers(t).stream().filter(s -> s != self && !counted.contains(s)).findFirst().orElse(-1);
            if (extra < 0) {
                return false;
            }
            votes.add(extra);
            return true;
        });
        m.put("value changed in a handler's log", t -> {
            int i = t.find(0, e -> action(e, "ClientRequest"));
            if (i < 0) {
                return false;
            }
            ArrayNode log = (ArrayNode) state(t, i).get("log");
            ObjectNode last = (ObjectNode) log.get(log.size() - 1);
            last.put("value", last.get("value").asText() + "x");
            return true;
        });
        m.put("success reply before commit", t -> {
            int i = t.find(0, e -> action(e, "ClientRequest"));
            if (i < 0) {
                return false;
            }
            ArrayNode log = (ArrayNode) state(t, i).get("log");
            String[] v = log.get(log.size() - 1).get("value").asText().split(":", 3);
            int leader = t.events().get(i).get("node").asInt();
            ObjectNode body = JSON.createObjectNode().put("type", "ClientReply").put("seq", Long.parseLong(v[1]))
                .put("ok", true).putNull("value").put("leaderHint", leader);
            ObjectNode msg = JSON.createObjectNode().put("id", t.maxId() + 1000).put("from", leader)
                .put("to", Integer.parseInt(v[0])).put("type", "ClientReply");
            msg.set("body", body);
            ObjectNode send = JSON.createObjectNode().put("seq", 0).put("node", leader).put("kind", "send");
            send.set("msg", msg);
            t.events().add(i + 1, send);
            return true;
        });
        m.put("wrong read value", t -> {
            int i = t.find(0, e -> kind(e, "send") && type(e).equals("ClientReply")
                && e.get("msg").get("body").get("ok").asBoolean());
            if (i < 0) {
                return false;
            }
            long id = t.events().get(i).get("msg").get("id").asLong();
            for (ObjectNode e : t.events()) {
                if (e.has("msg") && e.get("msg").get("id").asLong() == id) {
                    ((ObjectNode) e.get("msg").get("body")).put("value", "forged");
                }
            }
            return true;
        });
        m.put("phantom server in the header", t -> {
            ((ArrayNode) t.header().get("nodes")).insert(0, 4);
            ((ArrayNode) t.header().get("roles").get("server")).add(4);
            return true;
        });
        m.put("algorithm swapped in the header", t -> {
            t.header().put("algorithm", "twopc");
            return true;
        });
        m.put("snapshotEvery swapped in the header", t -> {
            if (t.find(0, e -> action(e, "TakeSnapshot")) < 0) {
                return false;
            }
            ((ObjectNode) t.header().get("params").get("options")).put("snapshotEvery", "0");
            return true;
        });
        m.put("network swapped in the header", t -> {
            if (t.find(0, e -> kind(e, "drop") || kind(e, "duplicate")) < 0) {
                return false;
            }
            ((ObjectNode) t.header().get("params")).put("net", "reliable");
            return true;
        });
        m.put("wrong-typed value", t -> {
            ObjectNode st = state(t, t.find(0, e -> action(e, "HandleAppendEntries")));
            st.put("currentTerm", st.get("currentTerm").asText());
            return true;
        });
        return m;
    }

    private static ObjectNode state(Trace t, int i) {
        return (ObjectNode) t.events().get(i).get("state");
    }

    private static boolean reliable(Trace t) {
        return t.header().path("params").path("net").asText("reliable").equals("reliable");
    }

    private static List<Integer> servers(Trace t) {
        List<Integer> s = new ArrayList<>();
        t.header().get("roles").get("server").forEach(n -> s.add(n.asInt()));
        return s;
    }

    /** After a crash and restart, the node's next action keeps the commit index or leadership it had before. */
    private static boolean volatileKept(Trace t) {
        List<ObjectNode> ev = t.events();
        for (int c = 0; c < ev.size(); c++) {
            if (!kind(ev.get(c), "crash")) {
                continue;
            }
            int n = ev.get(c).get("node").asInt();
            ObjectNode before = null;
            for (int k = 0; k < c; k++) {
                if (ev.get(k).get("node").asInt() == n && kind(ev.get(k), "action")) {
                    before = state(t, k);
                }
            }
            int r = t.find(c, e -> e.get("node").asInt() == n && kind(e, "restart"));
            int a = r < 0 ? -1 : t.find(r, e -> e.get("node").asInt() == n && kind(e, "action"));
            if (before == null || a < 0) {
                continue;
            }
            ObjectNode after = state(t, a);
            if (before.get("commitIndex").asLong() > after.get("commitIndex").asLong()) {
                after.put("commitIndex", before.get("commitIndex").asLong());
                return true;
            }
        }
        return false;
    }
}
