package dev.conform.checker.linearizability;

import dev.conform.checker.invariants.FoldException;
import dev.conform.checker.invariants.JsonObjects;
import dev.conform.checker.invariants.raft.KvCommandText;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.io.TraceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The client history of a conform key-value trace (Raft's KV clients, and any service whose
 * clients speak the same messages), seen from the clients' side only:
 * <ul>
 *   <li>the invocation is a client's first {@code send} of a {@code ClientRequest} with a new
 *   {@code seq} (retries reuse it and are the same operation); its {@code op} is read as the
 *   servers read it ({@link KvCommandText}: {@code put K V}, {@code get K}, {@code cas K E N},
 *   {@code append K V});</li>
 *   <li>the completion is the {@code deliver} to that client of a {@code ClientReply} with that
 *   {@code seq} and {@code ok: true} (a refusal, {@code ok: false}, is a redirect: the client tries
 *   again); {@code value} is what a get read, or a cas's {@code "true"}/{@code "false"}. A client
 *   that decides itself when a result stands (PBFT's, after f+1 matching replies) records an
 *   {@code AcceptResult} action with state {@code {seq, value}} instead, which completes it;</li>
 *   <li>a request never answered by the end of the trace, or open when its client crashed, has an
 *   unknown outcome; a command the store cannot read takes no effect and is left out.</li>
 * </ul>
 * Time is the event's position in the trace (its global order). Clients are the header's
 * {@code client} role.
 */
public final class TraceHistory {
    static final String REQUEST = "ClientRequest";
    static final String REPLY = "ClientReply";
    /** PBFT's client action: it accepted {@code value} for {@code seq} after f+1 matching replies. */
    static final String ACCEPT = "AcceptResult";

    private TraceHistory() {
    }

    /** Reads the trace at {@code path}; a malformed trace is a {@link TraceFormatException}. */
    public static History read(Path path) throws IOException {
        try (TraceReader r = TraceReader.open(path)) {
            Builder b = new Builder(path.toString(), r.header());
            for (TraceEvent e; (e = r.next()) != null; ) {
                b.add(e, r.line());
            }
            return b.build();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The history of trace events already read (line numbers count from the header as line 1). */
    public static History of(String source, TraceHeader header, Iterable<TraceEvent> events) {
        Builder b = new Builder(source, header);
        long line = 1;
        for (TraceEvent e : events) {
            b.add(e, ++line);
        }
        return b.build();
    }

    private static final class Builder {
        private final String file;
        private final Set<Integer> clients;
        private final Map<Long, Operation> open = new LinkedHashMap<>();
        private final Set<Long> skipped = new HashSet<>();
        private final List<Operation> ops = new ArrayList<>();
        private long time;

        Builder(String file, TraceHeader header) {
            this.file = file;
            this.clients = new HashSet<>(header.clients());
        }

        void add(TraceEvent e, long line) {
            long t = time++;
            if (!clients.contains(e.node())) {
                return;
            }
            if (e.kind() == EventKind.CRASH) {
                open.entrySet().removeIf(o -> {
                    if (o.getValue().process() == e.node()) {
                        ops.add(o.getValue());
                        return true;
                    }
                    return false;
                });
                return;
            }
            try {
                if (e.kind() == EventKind.ACTION && ACCEPT.equals(e.action())) {
                    complete(e.node(), JsonObjects.asMap(e.state(), "the " + ACCEPT + " state"), t);
                    return;
                }
                if (e.msg() == null) {
                    return;
                }
                if (e.kind() == EventKind.SEND && REQUEST.equals(e.msg().type())) {
                    invoke(e, t, line);
                } else if (e.kind() == EventKind.DELIVER && REPLY.equals(e.msg().type())) {
                    Map<String, Object> b = JsonObjects.asMap(e.msg().body(), "message " + e.msg().id() + "'s body");
                    if (Boolean.TRUE.equals(b.get("ok"))) {
                        complete(e.node(), b, t);
                    }
                }
            } catch (FoldException | ClassCastException x) {
                throw new TraceFormatException(file, line, 1, "client "
                        + (e.msg() == null ? "action " + e.action() : "message " + e.msg().id()) + ": " + x.getMessage());
            }
        }

        private void invoke(TraceEvent e, long t, long line) {
            Map<String, Object> b = JsonObjects.asMap(e.msg().body(), "message " + e.msg().id() + "'s body");
            long seq = number(b, "seq");
            long id = id(e.node(), seq);
            if (open.containsKey(id) || skipped.contains(id)) {
                return; // a retry of the same command
            }
            Object op = b.get("op");
            KvCommandText c = KvCommandText.parse(e.node() + ":" + seq + ":" + (op == null ? "" : op));
            Operation.Kind kind = switch (c.kind()) {
                case "put" -> Operation.Kind.WRITE;
                case "get" -> Operation.Kind.READ;
                case "cas" -> Operation.Kind.CAS;
                case "append" -> Operation.Kind.APPEND;
                default -> null;
            };
            if (kind == null) {
                skipped.add(id);
                return;
            }
            String expected = kind == Operation.Kind.CAS && !c.exp().equals("-") ? c.exp() : null;
            String value = kind == Operation.Kind.READ ? null : c.val();
            open.put(id, new Operation(0, e.node(), kind, c.key(), value, expected, null, t, Operation.PENDING,
                file + ":" + line));
        }

        /** Completes client {@code client}'s open request {@code b.seq} with result {@code b.value}. */
        private void complete(int client, Map<String, Object> b, long t) {
            Operation o = open.remove(id(client, number(b, "seq")));
            if (o == null) {
                return; // a late copy of an answer already seen
            }
            Object v = b.get("value");
            String result = o.kind() == Operation.Kind.WRITE ? null : v == null ? null : String.valueOf(v);
            ops.add(new Operation(0, o.process(), o.kind(), o.key(), o.value(), o.expected(), result, o.invoke(), t,
                o.where()));
        }

        History build() {
            List<Operation> all = new ArrayList<>(ops);
            all.addAll(open.values());
            all.sort(java.util.Comparator.comparingLong(Operation::invoke));
            List<Operation> out = new ArrayList<>(all.size());
            for (Operation o : all) {
                out.add(new Operation(out.size(), o.process(), o.kind(), o.key(), o.value(), o.expected(), o.result(),
                    o.invoke(), o.complete(), o.where()));
            }
            return new History(file, out);
        }

        private static long id(int client, long seq) {
            return (long) client << 32 ^ seq;
        }

        private static long number(Map<String, Object> b, String field) {
            Object v = b.get(field);
            if (!(v instanceof Number n)) {
                throw new FoldException("'" + field + "' is not a number");
            }
            return n.longValue();
        }
    }
}
