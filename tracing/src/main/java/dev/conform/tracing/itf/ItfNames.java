package dev.conform.tracing.itf;

import dev.conform.tracing.io.TraceFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the variable names of an ITF trace become the TLA+ names of the state they record. Quint
 * qualifies the variables of an instantiated module ({@code main::gcounter::counts}): by default
 * a name is its last {@code ::} segment ({@code counts}). A mapping file names the others, one
 * {@code itfName = tlaName} a line ({@code #} starts a comment); every entry must name a
 * variable of the trace, so a typo is an error rather than a silently unmapped name.
 */
public final class ItfNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*");

    private final String file;
    private final Map<String, String> mapped;
    private final Map<String, Integer> lineOf;

    private ItfNames(String file, Map<String, String> mapped, Map<String, Integer> lineOf) {
        this.file = file;
        this.mapped = mapped;
        this.lineOf = lineOf;
    }

    /** No mapping file: every name is its last {@code ::} segment. */
    public static ItfNames defaults() {
        return new ItfNames(null, Map.of(), Map.of());
    }

    /** Reads a mapping file; bad lines are {@link TraceFormatException}s at file:line:column. */
    public static ItfNames read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = hash < 0 ? line : line.substring(0, hash);
            if (text.isBlank()) {
                continue;
            }
            int eq = text.indexOf('=');
            int col = firstNonBlank(line) + 1;
            if (eq < 0) {
                throw new TraceFormatException(file.toString(), i + 1, col, "expected \"itfName = tlaName\"");
            }
            String from = text.substring(0, eq).trim();
            String to = text.substring(eq + 1).trim();
            if (from.isEmpty()) {
                throw new TraceFormatException(file.toString(), i + 1, col, "no ITF variable name before \"=\"");
            }
            if (!IDENTIFIER.matcher(to).matches()) {
                throw new TraceFormatException(file.toString(), i + 1, eq + 2,
                        TraceFormatException.quote(to) + " is not a TLA+ identifier");
            }
            if (mapped.containsKey(from)) {
                throw new TraceFormatException(file.toString(), i + 1, col,
                        TraceFormatException.quote(from) + " is mapped twice (also on line " + lineOf.get(from) + ")");
            }
            mapped.put(from, to);
            lineOf.put(from, i + 1);
        }
        return new ItfNames(file.toString(), mapped, lineOf);
    }

    /** The TLA+ name of ITF variable {@code itfName}. */
    public String tlaName(String itfName) {
        String m = mapped.get(itfName);
        if (m != null) {
            return m;
        }
        int cut = itfName.lastIndexOf("::");
        return cut < 0 ? itfName : itfName.substring(cut + 2);
    }

    /** Whether {@code name} can name a TLA+ variable. */
    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** Fails at the first mapping entry that names none of {@code vars}. */
    void requireUsed(Collection<String> vars) {
        for (Map.Entry<String, Integer> e : lineOf.entrySet()) {
            if (!vars.contains(e.getKey())) {
                throw new TraceFormatException(file, e.getValue(), 1, TraceFormatException.quote(e.getKey())
                        + " is not a variable of the trace (its \"vars\": " + String.join(", ", vars) + ")");
            }
        }
    }

    /** The mapping file, or null for {@link #defaults()}. */
    String file() {
        return file;
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
