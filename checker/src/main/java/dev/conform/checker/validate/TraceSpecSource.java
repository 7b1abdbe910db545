package dev.conform.checker.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the validator needs from a trace spec's text: its module name and the {@code IsX(e)}
 * operators with their top-level conjuncts. Conjuncts are found by layout, as TLA+ itself reads
 * a bulleted {@code /\} list: bullets at the column of the first one. Lines are kept verbatim
 * (columns included) so a prefix of the list can be pasted into a generated module unchanged.
 */
public record TraceSpecSource(String moduleName, List<ActionShape> actions) {
    private static final Pattern MODULE = Pattern.compile("^-{4,}\\s*MODULE\\s+(\\w+)");
    private static final Pattern IS_DEF = Pattern.compile("^(Is\\w+)\\s*\\(\\s*(\\w+)\\s*\\)\\s*==(.*)$");

    /**
     * One {@code IsX(param) == body} definition.
     *
     * @param name      operator name
     * @param param     its single parameter
     * @param conjuncts top-level conjuncts, each as its verbatim lines; one element when the body
     *                  is not a bulleted list
     */
    public record ActionShape(String name, String param, List<List<String>> conjuncts) {
        /** The first {@code n} conjuncts as verbatim lines. */
        public List<String> prefix(int n) {
            List<String> out = new ArrayList<>();
            conjuncts.subList(0, n).forEach(out::addAll);
            return out;
        }

        /** Conjunct {@code i} (1-based) on one line, whitespace collapsed. */
        public String conjunctText(int i) {
            return String.join(" ", conjuncts.get(i - 1)).trim().replaceAll("\\s+", " ");
        }
    }

    public static TraceSpecSource read(Path spec) throws IOException {
        List<String> lines = Files.readAllLines(spec);
        String module = null;
        List<ActionShape> actions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher mm = MODULE.matcher(line);
            if (module == null && mm.find()) {
                module = mm.group(1);
                continue;
            }
            Matcher m = IS_DEF.matcher(line);
            if (!m.matches()) {
                continue;
            }
            List<String> body = new ArrayList<>();
            String rest = m.group(3);
            if (!rest.isBlank()) {
                body.add(" ".repeat(line.length() - rest.length()) + rest);
            }
            int j = i + 1;
            for (; j < lines.size(); j++) {
                String l = lines.get(j);
                if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                    break;
                }
                body.add(l);
            }
            i = j - 1;
            actions.add(new ActionShape(m.group(1), m.group(2), split(trimBlankEnd(body))));
        }
        if (module == null) {
            throw new IOException(spec + ":1:1: no MODULE header found");
        }
        return new TraceSpecSource(module, List.copyOf(actions));
    }

    private static List<String> trimBlankEnd(List<String> body) {
        int end = body.size();
        while (end > 0 && (body.get(end - 1).isBlank() || body.get(end - 1).trim().startsWith("\\*"))) {
            end--;
        }
        int start = 0;
        while (start < end && body.get(start).isBlank()) {
            start++;
        }
        return body.subList(start, end);
    }

    private static List<List<String>> split(List<String> body) {
        if (body.isEmpty()) {
            return List.of();
        }
        String first = body.get(0);
        int col = indent(first);
        if (!first.startsWith("/\\", col)) {
            return List.of(List.copyOf(body));
        }
        List<List<String>> out = new ArrayList<>();
        List<String> cur = null;
        for (String l : body) {
            if (!l.isBlank() && indent(l) == col && l.startsWith("/\\", col)) {
                cur = new ArrayList<>();
                out.add(cur);
            } else if (!l.isBlank() && indent(l) < col) {
                return List.of(List.copyOf(body)); // not a plain bulleted list: keep it whole
            }
            cur.add(l);
        }
        return out.stream().map(List::copyOf).toList();
    }

    private static int indent(String l) {
        int i = 0;
        while (i < l.length() && Character.isWhitespace(l.charAt(i))) {
            i++;
        }
        return i;
    }
}
