package dev.conform.checker.validate;

import dev.conform.checker.tlc.ParsedSpec;
import tla2sany.semantic.ASTConstants;
import tla2sany.semantic.ExprNode;
import tla2sany.semantic.ExprOrOpArgNode;
import tla2sany.semantic.OpApplNode;
import tla2sany.semantic.OpDeclNode;
import tla2sany.semantic.OpDefNode;
import tla2sany.semantic.SymbolNode;
import tla2sany.st.Location;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trace spec's initial predicate as one constant expression per variable, so that a batch of
 * traces can reset every variable to its initial value between two traces (TLC 2.18 cannot prime
 * {@code Init} itself). Read with SANY: the predicate, with the definitions it names expanded,
 * must be a conjunction of {@code v = e} with each variable once and every {@code e} of constant
 * level. Any other shape (a {@code \in}, a disjunction, a LET) cannot be batched: the traces are
 * then validated one by one, never wrongly.
 *
 * @param values variable to the verbatim text of its initial value (columns kept), in order
 */
record InitAssignments(Map<String, List<String>> values) {
    private static final String CONJ_LIST = "$ConjList";
    private static final String AND = "\\land";
    private static final String EQ = "=";

    /** Why the predicate is not in the batchable form. */
    private static final class NotBatchable extends Exception {
        private static final long serialVersionUID = 1L;

        NotBatchable(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The assignments of {@code init} (an operator of the parsed spec), or empty with the
     * reason in {@code why} when it has another shape or leaves one of {@code variables} out.
     */
    static Optional<InitAssignments> of(ParsedSpec parsed, String init, List<String> variables, StringBuilder why)
            throws IOException {
        OpDefNode def = null;
        for (OpDefNode d : parsed.root().getOpDefs()) {
            if (d.getName().toString().equals(init) && d.getArity() == 0) {
                def = d;
            }
        }
        if (def == null) {
            why.append("no zero-argument operator ").append(init);
            return Optional.empty();
        }
        Map<String, ExprNode> found = new LinkedHashMap<>();
        try {
            walk(def.getBody(), found);
        } catch (NotBatchable e) {
            why.append(e.getMessage());
            return Optional.empty();
        }
        Map<String, SourceText> texts = new HashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String v : variables) {
            ExprNode e = found.get(v);
            if (e == null) {
                why.append(init).append(" does not assign ").append(v).append(" with =");
                return Optional.empty();
            }
            Location l = e.getTreeNode().getLocation();
            Path file = parsed.file(l.source());
            if (file == null) {
                why.append("the text of ").append(v).append("'s initial value is not available");
                return Optional.empty();
            }
            SourceText t = texts.get(l.source());
            if (t == null) {
                t = SourceText.read(file);
                texts.put(l.source(), t);
            }
            values.put(v, t.slice(l.beginLine(), l.beginColumn(), l.endLine(), l.endColumn()));
        }
        return Optional.of(new InitAssignments(values));
    }

    private static void walk(ExprNode e, Map<String, ExprNode> found) throws NotBatchable {
        if (!(e instanceof OpApplNode op)) {
            throw new NotBatchable("the initial predicate has a part that is not an operator application");
        }
        SymbolNode opr = op.getOperator();
        String name = opr.getName().toString();
        ExprOrOpArgNode[] args = op.getArgs();
        if (opr.getKind() == ASTConstants.BuiltInKind && (CONJ_LIST.equals(name) || AND.equals(name))) {
            for (ExprOrOpArgNode a : args) {
                if (!(a instanceof ExprNode x)) {
                    throw new NotBatchable("the initial predicate has an operator argument");
                }
                walk(x, found);
            }
        } else if (opr.getKind() == ASTConstants.BuiltInKind && EQ.equals(name) && args.length == 2
                && args[0] instanceof OpApplNode lhs && lhs.getOperator() instanceof OpDeclNode d
                && d.getKind() == ASTConstants.VariableDeclKind) {
            if (args[1].getLevel() != 0) {
                throw new NotBatchable("the initial value of " + d.getName() + " is not a constant expression");
            }
            if (!(args[1] instanceof ExprNode value)) {
                throw new NotBatchable("the initial value of " + d.getName() + " is an operator");
            }
            if (found.put(d.getName().toString(), value) != null) {
                throw new NotBatchable("the initial predicate assigns " + d.getName() + " twice");
            }
        } else if (opr instanceof OpDefNode def && def.getKind() == ASTConstants.UserDefinedOpKind
                && def.getArity() == 0 && args.length == 0 && !def.getInRecursive()) {
            walk(def.getBody(), found);
        } else {
            throw new NotBatchable("the initial predicate uses " + name
                    + ", not only conjunctions of \"variable = constant expression\"");
        }
    }
}
