package dev.conform.checker.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the property names a TLC {@code .cfg} lists. TLC 2.18 does not say which temporal
 * property failed, so with exactly one configured we can name it.
 */
final class ConfigFile {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "SYMMETRY", "VIEW", "CONSTRAINT", "CONSTRAINTS",
            "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "CHECK_DEADLOCK", "ALIAS", "POSTCONDITION");

    private ConfigFile() {
    }

    /** Names after PROPERTY/PROPERTIES; empty when the file cannot be read. */
    static List<String> properties(Path cfg) {
        String text;
        try {
            text = Files.readString(cfg);
        } catch (IOException e) {
            return List.of();
        }
        text = text.replaceAll("(?s)\\(\\*.*?\\*\\)", " ").replaceAll("\\\\\\*[^\\n]*", " ");
        List<String> names = new ArrayList<>();
        boolean inProperties = false;
        for (String token : text.trim().split("\\s+")) {
            if (KEYWORDS.contains(token)) {
                inProperties = token.startsWith("PROPERT");
            } else if (inProperties && !token.isEmpty()) {
                names.add(token);
            }
        }
        return names;
    }
}
