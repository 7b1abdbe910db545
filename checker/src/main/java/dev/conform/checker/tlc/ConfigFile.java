package dev.conform.checker.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a TLC {@code .cfg} as a list of keyword sections. TLC 2.18 does not say which temporal
 * property failed, so with exactly one configured we can name it; distributed TLC names no
 * violation at all, so its counterexample is named by re-checking it against these sections.
 */
final class ConfigFile {
    private static final Pattern KEYWORD = Pattern.compile("(?<![\\w])(CONSTANTS?|INIT|NEXT|SPECIFICATION"
            + "|INVARIANTS?|PROPERTY|PROPERTIES|SYMMETRY|VIEW|CONSTRAINTS?|ACTION_CONSTRAINTS?|CHECK_DEADLOCK"
            + "|ALIAS|POSTCONDITION)(?![\\w])");

    /** One keyword and the text up to the next keyword (comments removed). */
    record Section(String keyword, String body) {
        /** The body split into names (for INVARIANT, PROPERTY and similar sections). */
        List<String> names() {
            String b = body.trim();
            return b.isEmpty() ? List.of() : List.of(b.split("\\s+"));
        }

        boolean is(String prefix) {
            return keyword.startsWith(prefix);
        }
    }

    private ConfigFile() {
    }

    /** The sections of {@code cfg}; empty when the file cannot be read. */
    static List<Section> sections(Path cfg) {
        String text;
        try {
            text = Files.readString(cfg);
        } catch (IOException e) {
            return List.of();
        }
        return parse(text);
    }

    static List<Section> parse(String text) {
        String plain = text.replaceAll("(?s)\\(\\*.*?\\*\\)", " ").replaceAll("\\\\\\*[^\\n]*", " ");
        Matcher m = KEYWORD.matcher(plain);
        List<Section> out = new ArrayList<>();
        String keyword = null;
        int from = 0;
        while (m.find()) {
            if (keyword != null) {
                out.add(new Section(keyword, plain.substring(from, m.start())));
            }
            keyword = m.group(1);
            from = m.end();
        }
        if (keyword != null) {
            out.add(new Section(keyword, plain.substring(from)));
        }
        return out;
    }

    /** Names after PROPERTY/PROPERTIES; empty when the file cannot be read. */
    static List<String> properties(Path cfg) {
        return names(sections(cfg), "PROPERT");
    }

    /** Names listed in every section whose keyword starts with {@code prefix}. */
    static List<String> names(List<Section> sections, String prefix) {
        List<String> names = new ArrayList<>();
        for (Section s : sections) {
            if (s.is(prefix)) {
                names.addAll(s.names());
            }
        }
        return names;
    }

    /** False only when the config says {@code CHECK_DEADLOCK FALSE} (TLC checks deadlock by default). */
    static boolean checksDeadlock(List<Section> sections) {
        for (Section s : sections) {
            if (s.is("CHECK_DEADLOCK")) {
                return !s.body().trim().equals("FALSE");
            }
        }
        return true;
    }
}
