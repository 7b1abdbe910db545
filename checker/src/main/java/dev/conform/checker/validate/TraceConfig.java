package dev.conform.checker.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trace spec's {@code .cfg}, split into keyword sections so the validator can keep the user's
 * CONSTANTS, INVARIANTs and CONSTRAINTs and put in its own INIT, NEXT, end-marker CONSTRAINT and
 * deadlock setting.
 *
 * @param init       the INIT operator (TraceInit when the cfg uses SPECIFICATION or none)
 * @param next       the NEXT operator (TraceNext likewise)
 * @param invariants the user's invariants, without TraceNotFinished (the verdict invariant of
 *                   earlier versions: a spec's cfg may still list it; it would fail every match)
 * @param kept       the verbatim text of the CONSTANT(S) and ACTION_CONSTRAINT sections and the
 *                   CONSTRAINT sections without TraceEndMarker (the validator prints its own)
 */
public record TraceConfig(String init, String next, List<String> invariants, String kept) {
    private static final Pattern KEYWORD = Pattern.compile(
            "\\b(CONSTANTS?|INIT|NEXT|SPECIFICATION|INVARIANTS?|PROPERTY|PROPERTIES|SYMMETRY|VIEW|CONSTRAINTS?"
                    + "|ACTION_CONSTRAINTS?|CHECK_DEADLOCK|ALIAS|POSTCONDITION)\\b");
    private static final Set<String> KEEP = Set.of("CONSTANT", "CONSTANTS", "CONSTRAINT", "CONSTRAINTS",
            "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "VIEW");

    public static TraceConfig read(Path cfg) throws IOException {
        return read(cfg, "TraceInit", "TraceNext", KEEP);
    }

    /**
     * The config of an algorithm spec (a model-checking cfg) read for a generated state-sequence
     * trace spec: INIT and NEXT (Init and Next when it names none, e.g. under SPECIFICATION), its
     * INVARIANTs, and only its CONSTANT(S) kept: the model's CONSTRAINTs and VIEW bound a search,
     * not a recorded trace.
     */
    public static TraceConfig readModel(Path cfg) throws IOException {
        return read(cfg, "Init", "Next", Set.of("CONSTANT", "CONSTANTS"));
    }

    private static TraceConfig read(Path cfg, String defaultInit, String defaultNext, Set<String> keep)
            throws IOException {
        String text = Files.readString(cfg).replaceAll("(?s)\\(\\*.*?\\*\\)", " ").replaceAll("\\\\\\*[^\\n]*", " ");
        Matcher m = KEYWORD.matcher(text);
        List<int[]> at = new ArrayList<>();
        while (m.find()) {
            at.add(new int[] {m.start(), m.end()});
        }
        String init = defaultInit;
        String next = defaultNext;
        List<String> invariants = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < at.size(); i++) {
            String kw = text.substring(at.get(i)[0], at.get(i)[1]);
            String args = text.substring(at.get(i)[1], i + 1 < at.size() ? at.get(i + 1)[0] : text.length()).trim();
            switch (kw) {
                case "INIT" -> init = firstWord(args, init);
                case "NEXT" -> next = firstWord(args, next);
                case "INVARIANT", "INVARIANTS" -> {
                    for (String w : args.split("\\s+")) {
                        if (!w.isEmpty() && !w.equals("TraceNotFinished")) {
                            invariants.add(w);
                        }
                    }
                }
                case "CONSTRAINT", "CONSTRAINTS" -> {
                    if (!keep.contains(kw)) {
                        continue;
                    }
                    // The by-hand end marker would print a second, stateless marker.
                    String names = String.join(" ", java.util.Arrays.stream(args.split("\\s+"))
                            .filter(w -> !w.isEmpty() && !w.equals("TraceEndMarker")).toList());
                    if (!names.isEmpty()) {
                        kept.append(kw).append('\n').append(names).append('\n');
                    }
                }
                default -> {
                    if (keep.contains(kw)) {
                        kept.append(kw).append('\n').append(args).append('\n');
                    }
                }
            }
        }
        return new TraceConfig(init, next, List.copyOf(invariants), kept.toString());
    }

    private static String firstWord(String s, String dflt) {
        String[] w = s.split("\\s+");
        return w.length == 0 || w[0].isEmpty() ? dflt : w[0];
    }

    /** A cfg for a generated module: the user's constants and constraints, then the given sections. */
    public String render(String initOp, String nextOp, List<String> invariantNames, List<String> constraintNames) {
        StringBuilder sb = new StringBuilder(kept);
        for (String c : constraintNames) {
            sb.append("CONSTRAINT ").append(c).append('\n');
        }
        sb.append("INIT ").append(initOp).append('\n');
        sb.append("NEXT ").append(nextOp).append('\n');
        for (String inv : invariantNames) {
            sb.append("INVARIANT ").append(inv).append('\n');
        }
        sb.append("CHECK_DEADLOCK FALSE\n");
        return sb.toString();
    }
}
