package dev.conform.checker.tlc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first error SANY (TLC's parser) printed as unframed text: a syntax error, a missing module
 * or a semantic error, with its position when SANY gave one.
 *
 * @param kind what went wrong
 * @param location where, or null (SANY gives no position for a missing module)
 * @param message one line, e.g. {@code Encountered "==" ... Was expecting "Expression"}
 * @param missingModule the module SANY could not find, else null
 */
record SanyError(Verdict kind, SourceLocation location, String message, String missingModule) {
    private static final Pattern MISSING = Pattern.compile(
            "Cannot find source file for module (\\S+?) imported in module (\\S+?)\\.?$");
    private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");
    /** The module whose parse failed; SANY names it after the root's file, so it is looked for first. */
    private static final Pattern FAILED_MODULE = Pattern.compile("Could not parse module (\\S+)");
    private static final Pattern FAILED_ROOT = Pattern.compile("Fatal errors while parsing TLA\\+ spec in file (\\S+)");

    /** Finds SANY's first error in the unframed lines, or null when there is none. */
    static SanyError find(List<String> lines) {
        for (String line : lines) {
            Matcher m = MISSING.matcher(line.trim());
            if (m.find()) {
                return new SanyError(Verdict.PARSE_ERROR, null,
                        "module " + m.group(1) + " not found (extended or instantiated by " + m.group(2)
                                + "); add its folder with --lib", m.group(1));
            }
        }
        int parse = indexOf(lines, "***Parse Error***");
        int lexical = indexOfPrefix(lines, "Lexical error");
        if (parse >= 0 || lexical >= 0) {
            return syntax(lines, parse >= 0 ? parse : lexical);
        }
        int semantic = indexOf(lines, "Semantic errors:");
        if (semantic >= 0) {
            return semantic(lines, semantic);
        }
        return null;
    }

    private static SanyError syntax(List<String> lines, int start) {
        String module = first(lines, FAILED_MODULE);
        if (module == null) {
            module = first(lines, FAILED_ROOT);
        }
        StringBuilder msg = new StringBuilder();
        SourceLocation loc = null;
        for (int i = start; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("Residual stack trace") || line.startsWith("Fatal errors")) {
                break;
            }
            if (line.isEmpty() || line.equals("***Parse Error***")) {
                continue;
            }
            Matcher at = AT.matcher(line);
            if (loc == null && at.find()) {
                loc = new SourceLocation(module, null, Integer.parseInt(at.group(1)), Integer.parseInt(at.group(2)), 0, 0);
            }
            msg.append(msg.length() == 0 ? "" : " ").append(line);
        }
        return new SanyError(Verdict.PARSE_ERROR, loc, msg.length() == 0 ? "syntax error" : msg.toString(), null);
    }

    private static SanyError semantic(List<String> lines, int start) {
        for (int i = start; i < lines.size(); i++) {
            SourceLocation loc = TlcPatterns.range(lines.get(i));
            if (loc != null) {
                String msg = "semantic error";
                for (int j = i + 1; j < lines.size(); j++) {
                    if (!lines.get(j).isBlank()) {
                        msg = lines.get(j).trim();
                        break;
                    }
                }
                return new SanyError(Verdict.SEMANTIC_ERROR, loc, msg, null);
            }
        }
        return new SanyError(Verdict.SEMANTIC_ERROR, null, "semantic error", null);
    }

    private static String first(List<String> lines, Pattern p) {
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
