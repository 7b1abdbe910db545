package dev.conform.checker.validate;

import dev.conform.checker.tlc.ParsedSpec;
import dev.conform.checker.tlc.SanyParser;
import dev.conform.checker.tlc.TlaParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import tla2sany.semantic.ExprNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.st.Location;
import tla2sany.st.TreeNode;

/**
 * What the validator needs from a trace spec, read through SANY: its module name, its state
 * variables ({@link SpecVariables}) and its {@code IsX(e)} operators with their top-level
 * conjuncts. An {@code IsX} is a one-parameter, non-LOCAL operator whose name starts with
 * {@code Is}, defined in the trace spec's own module. Its conjuncts are the items of the bulleted
 * {@code /\} list that is its body, as SANY groups them; any other body is one conjunct. Each is
 * kept as the verbatim text SANY located, columns included, so a prefix of the list can be
 * pasted into a generated module unchanged.
 *
 * @param moduleName the trace spec's module
 * @param variables  its state variables, those of extended modules first
 * @param actions    its {@code IsX} operators in the order they are written
 */
public record TraceSpecSource(String moduleName, List<String> variables, List<ActionShape> actions) {
    /** SANY's name for a bulleted conjunction list. */
    private static final String CONJ_LIST = "$ConjList";

    public TraceSpecSource {
        variables = List.copyOf(variables);
        actions = List.copyOf(actions);
    }

    /**
     * One {@code IsX(param) == body} definition.
     *
     * @param name      operator name
     * @param param     its single parameter
     * @param conjuncts top-level conjuncts, each as its verbatim lines (bullet included, earlier
     *                  columns blank); one element when the body is not a bulleted list
     */
    public record ActionShape(String name, String param, List<List<String>> conjuncts) {
        public ActionShape {
            conjuncts = conjuncts.stream().map(List::copyOf).toList();
        }

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

    /**
     * Parses {@code spec} with SANY.
     *
     * @param folders where the modules it names are looked for, in order (see {@link SanyParser})
     * @throws TlaParseException if SANY rejects the spec or a module it depends on
     * @throws IOException if the spec's text cannot be read again
     */
    public static TraceSpecSource read(Path spec, List<Path> folders) throws TlaParseException, IOException {
        return of(SanyParser.parse(spec, folders));
    }

    static TraceSpecSource of(ParsedSpec parsed) throws IOException {
        String module = parsed.moduleName();
        SourceText text = SourceText.read(parsed.file(module));
        List<ActionShape> actions = new ArrayList<>();
        OpDefNode[] defs = parsed.root().getOpDefs();
        Arrays.sort(defs, Comparator.comparingInt((OpDefNode d) -> d.getLocation().beginLine())
                .thenComparingInt(d -> d.getLocation().beginColumn()));
        for (OpDefNode d : defs) {
            if (isAction(d, module)) {
                actions.add(new ActionShape(d.getName().toString(), d.getParams()[0].getName().toString(),
                        conjuncts(d.getBody(), text)));
            }
        }
        return new TraceSpecSource(module, SpecVariables.of(parsed), actions);
    }

    private static boolean isAction(OpDefNode d, String module) {
        String name = d.getName().toString();
        return name.length() > 2 && name.startsWith("Is") && d.getArity() == 1 && d.getParams()[0].getArity() == 0
                && !d.isLocal() && module.equals(d.getLocation().source());
    }

    /** The items of a bulleted conjunction list (each from its bullet on), else the whole body. */
    private static List<List<String>> conjuncts(ExprNode body, SourceText text) {
        TreeNode tree = body.getTreeNode();
        if (body instanceof OpApplNode op && CONJ_LIST.equals(op.getOperator().getName().toString())
                && tree.heirs().length == op.getArgs().length) {
            List<List<String>> out = new ArrayList<>();
            for (TreeNode item : tree.heirs()) {
                out.add(slice(item.getLocation(), text));
            }
            return out;
        }
        return List.of(slice(tree.getLocation(), text));
    }

    private static List<String> slice(Location l, SourceText text) {
        return text.slice(l.beginLine(), l.beginColumn(), l.endLine(), l.endColumn());
    }
}
