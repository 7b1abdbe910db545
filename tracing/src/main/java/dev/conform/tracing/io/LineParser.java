package dev.conform.tracing.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.conform.tracing.EventKind;
import dev.conform.tracing.TraceEvent;
import dev.conform.tracing.TraceHeader;
import dev.conform.tracing.TraceMessage;
import dev.conform.tracing.ByzantineParams;
import dev.conform.tracing.TransportParams;
import dev.conform.tracing.VectorClock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses trace lines (the header, then events) with one Jackson streaming parser for the whole
 * input and checks field names and types. The parser reads through a {@link LineGate} that
 * hands it one line at a time, so each line parses exactly as if it were a document of its own
 * (a value cut at the end of its line is truncated, never continued on the next one) without
 * the cost of a parser per line. Cross-line rules (sequence numbers, clocks) live in
 * {@link CausalityCheck}. Every problem becomes a {@link TraceFormatException} at the
 * offending token.
 */
final class LineParser {
    /** Shared so its symbol table of field names stays warm across readers. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TraceReader.MAX_NESTING_DEPTH)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(TraceReader.MAX_NUMBER_CHARS)
                    .maxNameLength(TraceReader.MAX_NAME_CHARS)
                    .build())
            .disable(JsonFactory.Feature.FAIL_ON_SYMBOL_HASH_OVERFLOW)
            .build()
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private final String file;
    private final LineSource lines;
    private final LineGate gate = new LineGate();
    /** Fields of the objects being read, innermost last; {@link #top} is the first free slot. */
    private static final int STACK = 64;
    private Object[] stack = new Object[STACK];
    private int top;
    /** Created on the first line, then reused for every line. */
    private JsonParser p;
    /** Scratch for vector clock entries, reused across lines. */
    private int[] vcIds = new int[16];
    private static final int KEY_SLOTS = 64;
    private final String[] keyNames = new String[KEY_SLOTS];
    private final int[] keyIds = new int[KEY_SLOTS];
    private long[] vcCounts = new long[16];
    /** The header's nodes, once it was read: events may name no other node. */
    private KnownNodes known;

    LineParser(String file, LineSource lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Events read by this parser may only name these nodes (parsers of later chunks get the header's). */
    void knownNodes(KnownNodes nodes) {
        this.known = nodes;
    }

    /** The header's nodes, after {@link #header()}. */
    KnownNodes knownNodes() {
        return known;
    }

    /** The lines this parser reads. */
    LineSource source() {
        return lines;
    }

    /** Parses the current line of the source as the header. */
    TraceHeader header() {
        begin();
        try {
            expectObjectStart("the header line");
            Integer schema = null;
            String algorithm = null;
            List<Integer> nodes = null;
            Long seed = null;
            Object plan = null;
            String producer = null;
            Map<String, Object> params = null;
            Map<String, List<Integer>> roles = null;
            int rolesColumn = 1;
            int paramsColumn = 1;
            boolean typeSeen = false;
            int seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                seen = once(seen, headerBit(name), name, "header");
                p.nextToken();
                switch (name) {
                    case Wire.TYPE -> {
                        if (p.currentToken() != JsonToken.VALUE_STRING || !Wire.HEADER.equals(p.getText())) {
                            throw fail("\"type\" of the first line must be \"header\"");
                        }
                        typeSeen = true;
                    }
                    case Wire.SCHEMA -> {
                        long v = longValue("schema");
                        if (v != TraceHeader.SCHEMA_VERSION) {
                            throw fail("unsupported schema version " + v + " (this reader knows "
                                    + TraceHeader.SCHEMA_VERSION + ")");
                        }
                        schema = (int) v;
                    }
                    case Wire.ALGORITHM -> {
                        algorithm = stringValue(name, false);
                    }
                    case Wire.NODES -> {
                        nodes = nodeList();
                    }
                    case Wire.SEED -> {
                        seed = p.currentToken() == JsonToken.VALUE_NULL ? null : longValue(name);
                    }
                    case Wire.PLAN -> {
                        plan = value();
                    }
                    case Wire.PRODUCER -> {
                        producer = stringValue(name, false);
                    }
                    case Wire.PARAMS -> {
                        paramsColumn = column();
                        params = objectOrNull(name);
                    }
                    case Wire.ROLES -> {
                        rolesColumn = column();
                        roles = roles();
                    }
                    default -> throw new IllegalStateException(name);
                }
            }
            endOfLine("header");
            if (!typeSeen) {
                throw failAt(1, "the first line must be the header: missing \"type\":\"header\"");
            }
            requireField(schema, Wire.SCHEMA, "header");
            requireField(algorithm, Wire.ALGORITHM, "header");
            requireField(nodes, Wire.NODES, "header");
            requireField(producer, Wire.PRODUCER, "header");
            String badRoles = TraceHeader.rolesProblem(nodes, roles);
            if (badRoles != null) {
                throw failAt(rolesColumn, "\"roles\": " + badRoles);
            }
            String badTransport = TransportParams.problem(params);
            if (badTransport != null) {
                throw failAt(paramsColumn, badTransport);
            }
            String badByzantine = ByzantineParams.problem(params, plan);
            if (badByzantine != null) {
                throw failAt(paramsColumn, badByzantine);
            }
            TraceHeader h = new TraceHeader(schema, algorithm, List.copyOf(nodes), seed, plan, producer,
                    params == null ? Map.of() : params, roles);
            known = new KnownNodes(h.nodes());
            return h;
        } catch (IOException e) {
            throw jacksonFailure(e);
        }
    }

    /** Parses the current line of the source as an event. */
    TraceEvent event() {
        begin();
        try {
            expectObjectStart("an event line");
            long seq = -1;
            Integer node = null;
            EventKind kind = null;
            String action = null;
            TraceMessage msg = null;
            Object state = null;
            long lamport = -1;
            VectorClock vc = null;
            int nodeColumn = 1;
            int seen = 0;
            String name;
            while ((name = p.nextFieldName()) != null) {
                int bit = eventBit(name);
                seen = once(seen, bit, name, "event");
                JsonToken t = p.nextToken();
                switch (bit) {
                    case SEQ_BIT -> {
                        if (t != JsonToken.VALUE_NULL) {
                            seq = nonNegative(name);
                        }
                    }
                    case NODE_BIT -> {
                        nodeColumn = column();
                        node = intValue(name);
                    }
                    case KIND_BIT -> {
                        String k = stringValue(name, false);
                        kind = EventKind.fromWire(k);
                        if (kind == null) {
                            throw fail("unknown event kind " + TraceFormatException.quote(k) + " (expected one of " + kindList() + ")");
                        }
                    }
                    case ACTION_BIT -> {
                        action = stringValue(name, true);
                    }
                    case MSG_BIT -> {
                        if (t != JsonToken.VALUE_NULL) {
                            msg = message();
                        }
                    }
                    case STATE_BIT -> {
                        state = value();
                    }
                    case LAMPORT_BIT -> {
                        if (t != JsonToken.VALUE_NULL) {
                            lamport = nonNegative(name);
                        }
                    }
                    case VC_BIT -> {
                        if (t != JsonToken.VALUE_NULL) {
                            vc = vectorClock();
                        }
                    }
                    default -> throw new IllegalStateException(name);
                }
            }
            endOfLine("event");
            requireField(node, Wire.NODE, "event");
            requireField(kind, Wire.KIND, "event");
            if (msg == null && isMessageKind(kind)) {
                throw failAt(1, "missing required field \"msg\" for a " + kind.wireName() + " event");
            }
            if (action == null && kind == EventKind.ACTION) {
                throw failAt(1, "missing required field \"action\" for an action event");
            }
            if (known != null && !known.contains(node) && !(node == 0 && kind == EventKind.FAULT)) {
                throw failAt(nodeColumn, "node " + node + " is not in the header's \"nodes\""
                        + (node == 0 ? " (node 0 is only for faults of the whole cluster)" : ""));
            }
            return new TraceEvent(seq, node, kind, action, msg, state, lamport, vc);
        } catch (IOException e) {
            throw jacksonFailure(e);
        }
    }

    static boolean isMessageKind(EventKind k) {
        return k == EventKind.SEND || k == EventKind.DELIVER || k == EventKind.DROP
                || k == EventKind.DUPLICATE;
    }

    private void begin() {
        byte[] b = lines.bytes();
        int from = lines.start();
        if (lines.end() - from >= 3 && (b[from] & 0xff) == 0xef && (b[from + 1] & 0xff) == 0xbb
                && (b[from + 2] & 0xff) == 0xbf) {
            throw failAt(1, "byte order mark not allowed");
        }
        gate.open(b, from, lines.end());
        top = 0;
        if (stack.length > STACK) {
            stack = new Object[STACK]; // a deeply nested line does not keep its values alive
        }
        if (p == null) {
            try {
                p = FACTORY.createParser(gate);
            } catch (IOException e) {
                throw jacksonFailure(e);
            }
        }
    }

    void close() {
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // the gate holds no resource; the reader closes the real stream
            }
            p = null;
        }
    }

    private void expectObjectStart(String what) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw failAt(1, "empty line");
        }
        if (t != JsonToken.START_OBJECT) {
            throw fail(what + " must be a JSON object");
        }
    }

    /**
     * Only whitespace may follow the object on its line. The bytes are looked at directly: asking
     * the parser for a token past the end of the line would end its input for good. Content found
     * is tokenized as a parser of this line alone would, for the same message.
     */
    private void endOfLine(String what) throws IOException {
        long after = p.currentLocation().getByteOffset() - gate.base();
        byte[] b = lines.bytes();
        for (int i = lines.start() + (int) after; i < lines.end(); i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                JsonToken t = p.nextToken();
                if (t != null) {
                    throw fail("unexpected content after the " + what + " object");
                }
                return;
            }
        }
    }

    private TraceMessage message() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("\"msg\" must be an object");
        }
        long start = p.currentTokenLocation().getByteOffset();
        long id = 0;
        int from = 0;
        int to = 0;
        String type = null;
        Object body = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int bit = messageBit(name);
            seen = once(seen, bit, name, "message");
            p.nextToken();
            switch (bit) {
                case 1 -> {
                    id = nonNegative("msg.id");
                }
                case 2 -> {
                    from = knownNode("msg.from");
                }
                case 4 -> {
                    to = knownNode("msg.to");
                }
                case 8 -> {
                    type = stringValue("msg.type", false);
                }
                case 16 -> {
                    body = value();
                }
                default -> throw new IllegalStateException(name);
            }
        }
        if ((seen & 15) != 15) {
            String missing = (seen & 1) == 0 ? "id" : (seen & 2) == 0 ? "from" : (seen & 4) == 0 ? "to" : "type";
            throw failAt(charColumn(start), "missing required field \"msg." + missing + "\"");
        }
        return new TraceMessage(id, from, to, type, body);
    }

    private VectorClock vectorClock() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("\"vc\" must be an object mapping node ids to counters");
        }
        int n = 0;
        // ids ascending so far: a new id above the last one cannot be a duplicate
        boolean ascending = true;
        String name;
        while ((name = p.nextFieldName()) != null) {
            int nodeId = nodeKey(name);
            if (known != null && !known.contains(nodeId)) {
                throw fail("vector clock entry for node " + nodeId + ", which is not in the header's \"nodes\"");
            }
            // Writers emit ascending ids, so the scan for a duplicate is only needed once out of order.
            if (n > 0 && vcIds[n - 1] >= nodeId) {
                ascending = false;
            }
            for (int i = ascending ? n : 0; i < n; i++) {
                if (vcIds[i] == nodeId) {
                    throw fail("duplicate vector clock entry for node " + nodeId);
                }
            }
            p.nextToken();
            long v = nonNegative("vc entry");
            if (n == vcIds.length) {
                vcIds = java.util.Arrays.copyOf(vcIds, 2 * n);
                vcCounts = java.util.Arrays.copyOf(vcCounts, 2 * n);
            }
            vcIds[n] = nodeId;
            vcCounts[n++] = v;
        }
        return VectorClock.of(vcIds, vcCounts, n);
    }

    /**
     * The node id a vector clock key names. Keys come from the parser's symbol table, one String
     * per distinct name, so a small table matched by identity saves parsing the same few keys on
     * every line.
     */
    private int nodeKey(String name) {
        int slot = System.identityHashCode(name) & (KEY_SLOTS - 1);
        if (keyNames[slot] == name) {
            return keyIds[slot];
        }
        int id;
        try {
            id = Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw fail("vector clock key " + TraceFormatException.quote(name) + " is not a node id");
        }
        keyNames[slot] = name;
        keyIds[slot] = id;
        return id;
    }

    /** A node id that must be one of the header's nodes (once the header was read). */
    private int knownNode(String field) throws IOException {
        int n = intValue(field);
        if (known != null && !known.contains(n)) {
            throw fail("\"" + field + "\" names node " + n + ", which is not in the header's \"nodes\"");
        }
        return n;
    }

    /** The header's {@code roles}: an object from role name to an array of node ids. */
    private Map<String, List<Integer>> roles() throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw fail("\"roles\" must be an object from role name to an array of node ids");
        }
        Map<String, List<Integer>> roles = new java.util.LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (roles.containsKey(name)) {
                throw fail("role " + TraceFormatException.quote(name) + " listed twice");
            }
            if (name.isEmpty()) {
                throw fail("a role needs a name");
            }
            p.nextToken();
            roles.put(name, nodeList("role " + TraceFormatException.quote(name)));
        }
        return roles;
    }

    private List<Integer> nodeList() throws IOException {
        return nodeList("\"nodes\"");
    }

    private List<Integer> nodeList(String what) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw fail(what + " must be an array of node ids");
        }
        List<Integer> nodes = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int n = intValue("node id");
            if (nodes.contains(n)) {
                throw fail("node " + n + " listed twice");
            }
            nodes.add(n);
        }
        return nodes;
    }

    private Map<String, Object> objectOrNull(String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw fail("\"" + field + "\" must be an object");
        }
        return object();
    }

    /** Reads any JSON value into Map/List/String/Long/Boolean/null. */
    private Object value() throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                return object();
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value());
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return integer("value");
            }
            case VALUE_NUMBER_FLOAT -> throw fail("non-integer number " + p.getText()
                    + " (trace values are integers, strings, booleans, arrays and objects)");
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw fail("unexpected token " + t);
        }
    }

    /** The fields of the object just opened: a {@link ObjectFields}, or a LinkedHashMap when large. */
    private Map<String, Object> object() throws IOException {
        String name = p.nextFieldName();
        if (name == null) {
            return ObjectFields.EMPTY;
        }
        // names and values go on a stack shared by all nesting levels, then into one exact array
        int base = top;
        try {
            do {
                int h = name.hashCode();
                for (int i = base; i < top; i += 2) {
                    Object k = stack[i];
                    if (k == name || k.hashCode() == h && k.equals(name)) {
                        throw fail("duplicate key " + TraceFormatException.quote(name));
                    }
                }
                if (top - base == 2 * ObjectFields.MAX_FIELDS) {
                    return largeObject(ObjectFields.toLinked(java.util.Arrays.copyOfRange(stack, base, top), top - base),
                            name);
                }
                p.nextToken();
                Object v = value();
                if (top + 2 > stack.length) {
                    stack = java.util.Arrays.copyOf(stack, 2 * stack.length);
                }
                stack[top] = name;
                stack[top + 1] = v;
                top += 2;
            } while ((name = p.nextFieldName()) != null);
            return new ObjectFields(java.util.Arrays.copyOfRange(stack, base, top), top - base);
        } finally {
            // slots above top keep stale references until reused; begin() bounds how many
            top = base;
        }
    }

    /** Reads the rest of a large object, starting at field {@code name}, into {@code m}. */
    private Map<String, Object> largeObject(Map<String, Object> m, String name) throws IOException {
        do {
            if (m.containsKey(name)) {
                throw fail("duplicate key " + TraceFormatException.quote(name));
            }
            p.nextToken();
            m.put(name, value());
        } while ((name = p.nextFieldName()) != null);
        return m;
    }

    private long integer(String what) throws IOException {
        JsonParser.NumberType nt = p.getNumberType();
        if (nt == JsonParser.NumberType.BIG_INTEGER) {
            throw fail(what + " " + p.getText() + " is outside the 64-bit integer range");
        }
        return p.getLongValue();
    }

    private long longValue(String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw fail("\"" + field + "\" must be an integer, found " + describe());
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw fail("\"" + field + "\" " + p.getText() + " is outside the 64-bit integer range");
        }
        return p.getLongValue();
    }

    private long nonNegative(String field) throws IOException {
        long v = longValue(field);
        if (v < 0) {
            throw fail("\"" + field + "\" must not be negative, found " + v);
        }
        return v;
    }

    private int intValue(String field) throws IOException {
        long v = longValue(field);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw fail("\"" + field + "\" " + v + " is outside the 32-bit node id range");
        }
        return (int) v;
    }

    private String stringValue(String field, boolean nullable) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL && nullable) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw fail("\"" + field + "\" must be a string, found " + describe());
        }
        return p.getText();
    }

    private String describe() throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a non-integer number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    private static int headerBit(String name) {
        return switch (name) {
            case Wire.TYPE -> 1;
            case Wire.SCHEMA -> 2;
            case Wire.ALGORITHM -> 4;
            case Wire.NODES -> 8;
            case Wire.SEED -> 16;
            case Wire.PLAN -> 32;
            case Wire.PRODUCER -> 64;
            case Wire.PARAMS -> 128;
            case Wire.ROLES -> 256;
            default -> 0;
        };
    }

    private static final int SEQ_BIT = 1;
    private static final int NODE_BIT = 2;
    private static final int KIND_BIT = 4;
    private static final int ACTION_BIT = 8;
    private static final int MSG_BIT = 16;
    private static final int STATE_BIT = 32;
    private static final int LAMPORT_BIT = 64;
    private static final int VC_BIT = 128;

    private static int eventBit(String name) {
        return switch (name) {
            case Wire.SEQ -> SEQ_BIT;
            case Wire.NODE -> NODE_BIT;
            case Wire.KIND -> KIND_BIT;
            case Wire.ACTION -> ACTION_BIT;
            case Wire.MSG -> MSG_BIT;
            case Wire.STATE -> STATE_BIT;
            case Wire.LAMPORT -> LAMPORT_BIT;
            case Wire.VC -> VC_BIT;
            default -> 0;
        };
    }

    private static int messageBit(String name) {
        return switch (name) {
            case Wire.ID -> 1;
            case Wire.FROM -> 2;
            case Wire.TO -> 4;
            case Wire.MTYPE -> 8;
            case Wire.BODY -> 16;
            default -> 0;
        };
    }

    /** Checks a field name while the parser is still on it, so errors point at the name. */
    private int once(int seen, int bit, String name, String where) {
        if (bit == 0) {
            if (where.equals("event") && name.equals(Wire.TYPE)) {
                throw fail("unexpected field \"type\": only the first line is a header");
            }
            throw fail("unknown " + where + " field " + TraceFormatException.quote(name));
        }
        if ((seen & bit) != 0) {
            throw fail("duplicate field " + TraceFormatException.quote(name));
        }
        return seen | bit;
    }

    private void requireField(Object v, String field, String where) {
        if (v == null) {
            throw failAt(1, "missing required " + where + " field \"" + field + "\"");
        }
    }

    private static String kindList() {
        StringBuilder sb = new StringBuilder();
        for (EventKind k : EventKind.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k.wireName());
        }
        return sb.toString();
    }

    /** Character column of the current token. */
    private int column() {
        return charColumn(p.currentTokenLocation());
    }

    private int charColumn(JsonLocation loc) {
        return loc == null ? 1 : charColumn(loc.getByteOffset());
    }

    /** Character column of a parser byte offset on the current line. */
    private int charColumn(long parserOffset) {
        long off = parserOffset - gate.base();
        int len = lines.end() - lines.start();
        int byteOff = (int) Math.max(0, Math.min(off, len));
        return Utf8.charCount(lines.bytes(), lines.start(), byteOff) + 1;
    }

    TraceFormatException fail(String reason) {
        return failAt(column(), reason);
    }

    TraceFormatException failAt(int column, String reason) {
        return new TraceFormatException(file, lines.lineNo(), column, reason);
    }

    private TraceFormatException jacksonFailure(IOException e) {
        if (e instanceof JsonEOFException
                || e instanceof JacksonException j && String.valueOf(j.getOriginalMessage()).contains("end-of-input")) {
            return failAt(charColumn(((JacksonException) e).getLocation()),
                    "truncated JSON: the line ends inside a value");
        }
        if (e instanceof StreamConstraintsException) {
            return failAt(p == null ? 1 : column(), "limit exceeded: " + firstLine(((JacksonException) e).getOriginalMessage()));
        }
        if (e instanceof JacksonException je) {
            return failAt(charColumn(je.getLocation()), "invalid JSON: " + firstLine(je.getOriginalMessage()));
        }
        return failAt(1, "cannot parse line: " + e.getMessage());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        // Jackson's own position of the enclosing value counts from its start of input, not the line
        int at = first.indexOf(" (for Object starting at ");
        if (at < 0) {
            at = first.indexOf(" (for Array starting at ");
        }
        return at < 0 ? first : first.substring(0, at);
    }
}
