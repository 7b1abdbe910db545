package dev.conform.checker.linearizability;

import dev.conform.tracing.io.TraceFormatException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reader for the part of EDN that Jepsen histories use: nil, booleans, integers, decimals (kept
 * as their text), strings, characters, keywords, symbols, lists, vectors, maps, sets, comments,
 * {@code #_} discards and tagged literals (the tag is dropped, e.g. {@code #inst "..."} is its
 * string). Values become null, Boolean, Long (BigInteger beyond 64 bits), String, {@link Keyword},
 * {@link Symbol}, List, Map and Set. Errors are {@link TraceFormatException}s at file:line:column.
 */
final class Edn {
    /** A keyword, {@code :read}; {@code name} without the colon. */
    record Keyword(String name) {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    /** A symbol such as {@code foo}; decimals are kept as symbols of their text. */
    record Symbol(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Object END = new Object();
    private static final Object CLOSE = new Object();

    private final String file;
    private final String text;
    private int pos;
    private long line;
    private int lineStart;
    private final int columnOffset;
    private final long baseLine;
    private char closer;

    /** Reads {@code text}, which starts at {@code line} and column {@code columnOffset + 1} of {@code file}. */
    Edn(String file, String text, long line, int columnOffset) {
        this.file = file;
        this.text = text;
        this.line = line;
        this.baseLine = line;
        this.columnOffset = columnOffset;
    }

    /** The line where the next form starts, valid after {@link #hasNext}. */
    long line() {
        return line;
    }

    /** The column where the next form starts, valid after {@link #hasNext}. */
    int column() {
        return pos - lineStart + 1 + (line == baseLine ? columnOffset : 0);
    }

    /** Whether another form follows (skips whitespace and comments). */
    boolean hasNext() {
        skipSpace();
        return pos < text.length();
    }

    /** The next character, valid after {@link #hasNext} returned true. */
    char peek() {
        return text.charAt(pos);
    }

    /** Skips the next character (a bracket seen by {@link #peek}). */
    void skip() {
        pos++;
    }

    /** The next top-level form. */
    Object next() {
        Object o = read();
        if (o == END) {
            throw error("unexpected end of input");
        }
        if (o == CLOSE) {
            throw error(pos - 1, "unexpected '" + closer + "'");
        }
        return o;
    }

    private Object read() {
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                return END;
            }
            char c = text.charAt(pos);
            switch (c) {
                case '(', '[' -> {
                    int start = pos++;
                    return readSeq(c == '(' ? ')' : ']', start);
                }
                case '{' -> {
                    int start = pos++;
                    List<Object> kv = readSeq('}', start);
                    if (kv.size() % 2 != 0) {
                        throw error(start, "a map needs an even number of forms");
                    }
                    Map<Object, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < kv.size(); i += 2) {
                        m.put(kv.get(i), kv.get(i + 1));
                    }
                    return m;
                }
                case ')', ']', '}' -> {
                    closer = c;
                    pos++;
                    return CLOSE;
                }
                case '"' -> {
                    return readString();
                }
                case '\\' -> {
                    int start = pos++;
                    int end = tokenEnd(pos + 1);
                    if (end > text.length() || pos >= text.length()) {
                        throw error(start, "unfinished character literal");
                    }
                    String name = text.substring(pos, end);
                    pos = end;
                    return switch (name) {
                        case "newline" -> "\n";
                        case "space" -> " ";
                        case "tab" -> "\t";
                        case "return" -> "\r";
                        default -> name;
                    };
                }
                case '#' -> {
                    int start = pos++;
                    if (pos < text.length() && text.charAt(pos) == '{') {
                        pos++;
                        Set<Object> s = new LinkedHashSet<>(readSeq('}', start));
                        return s;
                    }
                    if (pos < text.length() && text.charAt(pos) == '_') {
                        pos++;
                        Object discarded = read();
                        if (discarded == END || discarded == CLOSE) {
                            throw error(start, "#_ discards nothing");
                        }
                        continue;
                    }
                    int end = tokenEnd(pos);
                    if (end == pos) {
                        throw error(start, "unknown dispatch '#" + (pos < text.length() ? text.charAt(pos) : ' ') + "'");
                    }
                    pos = end; // a tag: the tagged value stands for itself
                    Object v = read();
                    if (v == END || v == CLOSE) {
                        throw error(start, "tag without a value");
                    }
                    return v;
                }
                default -> {
                    return readAtom();
                }
            }
        }
    }

    private List<Object> readSeq(char close, int start) {
        List<Object> out = new ArrayList<>();
        while (true) {
            Object o = read();
            if (o == END) {
                throw error(start, "'" + text.charAt(start) + "' is never closed");
            }
            if (o == CLOSE) {
                if (closer != close) {
                    throw error(pos - 1, "'" + closer + "' closes '" + text.charAt(start) + "'");
                }
                return out;
            }
            out.add(o);
        }
    }

    private String readString() {
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\n') {
                newline();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '"', '\\' -> sb.append(e);
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error(pos - 2, "bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error(pos - 2, "bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error(pos - 2, "unknown escape '\\" + e + "'");
            }
        }
        throw error(start, "unterminated string");
    }

    private Object readAtom() {
        int start = pos;
        int end = tokenEnd(pos);
        if (end == pos) {
            throw error(start, "unexpected '" + text.charAt(pos) + "'");
        }
        String t = text.substring(pos, end);
        pos = end;
        if (t.charAt(0) == ':') {
            if (t.length() == 1) {
                throw error(start, "empty keyword");
            }
            return new Keyword(t.substring(1));
        }
        switch (t) {
            case "nil":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        char c0 = t.charAt(0);
        boolean numeric = Character.isDigit(c0) || (c0 == '-' || c0 == '+') && t.length() > 1 && Character.isDigit(t.charAt(1));
        if (numeric) {
            String digits = t.endsWith("N") ? t.substring(0, t.length() - 1) : t;
            if (digits.matches("[-+]?\\d+")) {
                BigInteger b = new BigInteger(digits.startsWith("+") ? digits.substring(1) : digits);
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            if (digits.matches("[-+]?\\d+(\\.\\d*)?([eE][-+]?\\d+)?M?")) {
                return new Symbol(t);
            }
            throw error(start, "bad number '" + t + "'");
        }
        return new Symbol(t);
    }

    private int tokenEnd(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || "()[]{}\";".indexOf(c) >= 0) {
                break;
            }
            i++;
        }
        return i;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                newline();
            } else if (Character.isWhitespace(c) || c == ',') {
                pos++;
            } else if (c == ';') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void newline() {
        line++;
        lineStart = pos;
    }

    private TraceFormatException error(String reason) {
        return error(pos, reason);
    }

    /** An error at offset {@code at} of the text. */
    private TraceFormatException error(int at, String reason) {
        at = Math.min(at, text.length());
        long l = baseLine;
        int lineBegin = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                l++;
                lineBegin = i + 1;
            }
        }
        int col = at - lineBegin + 1 + (lineBegin == 0 ? columnOffset : 0);
        return new TraceFormatException(file, l, col, reason);
    }
}
