package dev.conform.checker.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state variables of a trace spec, read from the {@code VARIABLE(S)} declarations of its
 * module and of every module it EXTENDS that lies in one of the given folders (standard modules
 * such as Naturals declare none). The validator needs the names to make TLC print a segment's end
 * state as a record. Reading them by text is safe because it cannot make a trace pass: a missing
 * or extra name makes the next segment's generated INIT fail to parse or to assign a variable,
 * which TLC reports as an error.
 */
final class SpecVariables {
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)\\(\\*.*?\\*\\)");
    private static final Pattern LINE_COMMENT = Pattern.compile("\\\\\\*[^\\n]*");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern EXTENDS = Pattern.compile("\\bEXTENDS\\b\\s*(\\w+(?:\\s*,\\s*\\w+)*)");
    private static final Pattern VARIABLES = Pattern.compile("\\bVARIABLES?\\b\\s*(\\w+(?:\\s*,\\s*\\w+)*)");
    private static final Pattern MODULE_END = Pattern.compile("(?m)^\\s*={4,}");

    private SpecVariables() {
    }

    /** Variables of {@code module}, in declaration order (extended modules first). */
    static List<String> of(String module, List<Path> folders) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        collect(module, folders, names, new HashSet<>());
        return List.copyOf(names);
    }

    private static void collect(String module, List<Path> folders, Set<String> names, Set<String> done)
            throws IOException {
        if (!done.add(module)) {
            return;
        }
        Path file = find(module, folders);
        if (file == null) {
            return; // a standard module (Naturals, TLC, ...): no variables
        }
        String text = body(Files.readString(file));
        Matcher e = EXTENDS.matcher(text);
        if (e.find()) {
            for (String m : e.group(1).split("\\s*,\\s*")) {
                collect(m.trim(), folders, names, done);
            }
        }
        Matcher v = VARIABLES.matcher(text);
        while (v.find()) {
            for (String n : v.group(1).split("\\s*,\\s*")) {
                names.add(n.trim());
            }
        }
    }

    private static Path find(String module, List<Path> folders) {
        for (Path f : folders) {
            Path p = f.resolve(module + ".tla");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** The module text without comments, strings and whatever follows its closing ====. */
    static String body(String text) {
        String s = BLOCK_COMMENT.matcher(text).replaceAll(" ");
        s = LINE_COMMENT.matcher(s).replaceAll(" ");
        s = STRING.matcher(s).replaceAll("\"\"");
        Matcher end = MODULE_END.matcher(s);
        return end.find() ? s.substring(0, end.start()) : s;
    }
}
