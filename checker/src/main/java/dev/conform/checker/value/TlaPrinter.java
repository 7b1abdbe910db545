package dev.conform.checker.value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints values back in TLC's syntax (used for display and round-trip tests). */
final class TlaPrinter {
    private TlaPrinter() {
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String join(String open, List<TlaValue> values, String close) {
        return values.stream().map(TlaValue::toTla).collect(Collectors.joining(", ", open, close));
    }

    static String record(Map<String, TlaValue> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + " |-> " + e.getValue().toTla())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String function(List<TlaValue.Entry> entries) {
        return entries.stream()
                .map(e -> e.key().toTla() + " :> " + e.value().toTla())
                .collect(Collectors.joining(" @@ ", "(", ")"));
    }

    static <V> Map<String, V> orderedCopy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
