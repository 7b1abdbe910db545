package dev.conform.checker.linearizability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a history file in any of the {@link HistoryFormat}s. Bad input is a
 * {@link TraceFormatException} naming file:line:column; an unreadable file is an IOException.
 */
public final class HistoryReader {
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final Set<String> JSONL_FIELDS = Set.of("process", "type", "f", "key", "value", "time");

    private HistoryReader() {
    }

    /** The format of the file at {@code path}, or null when it cannot tell. */
    public static HistoryFormat detect(Path path) throws IOException {
        return HistoryFormat.sniff(text(path));
    }

    /**
     * Reads {@code path} as {@code format} (null: detect it) for {@code model} (which says whether
     * operations name keys).
     */
    public static History read(Path path, HistoryFormat format, Model model) throws IOException {
        String file = path.toString();
        if (format == HistoryFormat.CONFORM) {
            return TraceHistory.read(path);
        }
        String text = text(path);
        if (format == null) {
            format = HistoryFormat.sniff(text);
            if (format == null) {
                throw new TraceFormatException(file, 1, 1, "not a history in any known format (conform trace, "
                    + "JSON lines, EDN, jepsen.util log)");
            }
            if (format == HistoryFormat.CONFORM) {
                return TraceHistory.read(path);
            }
        }
        return switch (format) {
            case JSONL -> jsonl(file, text, model.byKey());
            case EDN -> edn(file, text, model.byKey());
            default -> jepsenLog(file, text, model.byKey());
        };
    }

    static History jsonl(String file, String text, boolean keyed) {
        JepsenEvents events = new JepsenEvents(file, keyed);
        String[] lines = text.split("\n", -1);
        Boolean timed = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            long no = i + 1;
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> m;
            try {
                m = JSON.readValue(line, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
            } catch (JsonProcessingException e) {
                int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
                throw new TraceFormatException(file, no, col, "not a JSON object: " + e.getOriginalMessage());
            }
            if (m == null) {
                throw new TraceFormatException(file, no, 1, "not a JSON object");
            }
            for (String k : m.keySet()) {
                if (!JSONL_FIELDS.contains(k)) {
                    throw new TraceFormatException(file, no, column(line, k), "unknown field "
                        + TraceFormatException.quote(k) + " (process, type, f, key, value, time)");
                }
            }
            Object process = m.get("process");
            if (!(process instanceof Long)) {
                throw new TraceFormatException(file, no, column(line, "process"), "process must be an integer");
            }
            Object type = m.get("type");
            Object f = m.get("f");
            if (!(type instanceof String) || !(f instanceof String)) {
                throw new TraceFormatException(file, no, column(line, type instanceof String ? "f" : "type"),
                    "type and f must be strings");
            }
            Object time = m.get("time");
            if (time != null && !(time instanceof Long)) {
                throw new TraceFormatException(file, no, column(line, "time"), "time must be an integer");
            }
            if (timed != null && timed != (time != null)) {
                throw new TraceFormatException(file, no, 1, "either every event has a time or none does");
            }
            timed = time != null;
            Object key = m.get("key");
            if (key instanceof Map || key instanceof List) {
                throw new TraceFormatException(file, no, column(line, "key"), "a key is a string or a number");
            }
            events.add(process, (String) type, (String) f, key, m.get("value"), (Long) time, no, 1);
        }
        return events.build();
    }

    static History edn(String file, String text, boolean keyed) {
        JepsenEvents events = new JepsenEvents(file, keyed);
        Edn edn = new Edn(file, text, 1, 0);
        // Jepsen writes one map per line; a whole history may also be one vector of maps.
        boolean vector = edn.hasNext() && edn.peek() == '[';
        if (vector) {
            edn.skip();
        }
        while (edn.hasNext()) {
            long line = edn.line();
            int col = edn.column();
            if (vector && edn.peek() == ']') {
                edn.skip();
                if (edn.hasNext()) {
                    throw new TraceFormatException(file, edn.line(), edn.column(), "text after the history's vector");
                }
                return events.build();
            }
            Object form = edn.next();
            if (!(form instanceof Map<?, ?> m)) {
                throw new TraceFormatException(file, line, col, "expected an operation map {:process .. :type .. :f ..}");
            }
            event(events, m, line, col, file);
        }
        if (vector) {
            throw new TraceFormatException(file, edn.line(), edn.column(), "the history's vector is never closed");
        }
        return events.build();
    }

    static History jepsenLog(String file, String text, boolean keyed) {
        JepsenEvents events = new JepsenEvents(file, keyed);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf("jepsen.util");
            if (at < 0) {
                continue; // other log output
            }
            int start = at + "jepsen.util".length();
            while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '-'
                || line.charAt(start) == ':' || line.charAt(start) == '\t')) {
                start++;
            }
            if (start < line.length() && line.charAt(start) != ':' && line.charAt(start - 1) == ':'
                && !Character.isWhitespace(line.charAt(start - 1))) {
                start--; // the process itself is a keyword, :nemesis
            }
            Edn edn = new Edn(file, line.substring(start), i + 1, start);
            Object[] parts = new Object[4];
            int[] cols = new int[4];
            int n = 0;
            while (n < 4 && edn.hasNext()) {
                cols[n] = edn.column();
                parts[n++] = edn.next();
            }
            if (n < 3) {
                throw new TraceFormatException(file, i + 1, start + 1,
                    "a jepsen.util line is: process, type, function, value");
            }
            if (edn.hasNext()) {
                throw new TraceFormatException(file, i + 1, edn.column(), "more than process, type, function, value");
            }
            if (!(parts[1] instanceof Edn.Keyword type) || !(parts[2] instanceof Edn.Keyword f)) {
                throw new TraceFormatException(file, i + 1, cols[parts[1] instanceof Edn.Keyword ? 2 : 1],
                    "type and function are keywords (:invoke, :read)");
            }
            events.add(parts[0], type.name(), f.name(), null, parts[3], null, i + 1, start + 1);
        }
        return events.build();
    }

    private static void event(JepsenEvents events, Map<?, ?> m, long line, int col, String file) {
        Object type = m.get(new Edn.Keyword("type"));
        Object f = m.get(new Edn.Keyword("f"));
        if (!(type instanceof Edn.Keyword t) || !(f instanceof Edn.Keyword fk)) {
            throw new TraceFormatException(file, line, col, "an operation map needs :type and :f keywords");
        }
        events.add(m.get(new Edn.Keyword("process")), t.name(), fk.name(), null, m.get(new Edn.Keyword("value")),
            null, line, col);
    }

    /** The column of field {@code name} in a JSON line (1 if not found). */
    private static int column(String line, String name) {
        int i = line.indexOf("\"" + name + "\"");
        return i < 0 ? 1 : line.codePointCount(0, i) + 1;
    }

    private static String text(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString()
                .replace("\r\n", "\n");
        } catch (CharacterCodingException e) {
            throw new TraceFormatException(path.toString(), 1, 1, "not UTF-8 text");
        }
    }
}
