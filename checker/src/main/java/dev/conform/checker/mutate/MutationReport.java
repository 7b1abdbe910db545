package dev.conform.checker.mutate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.checker.validate.TraceValidationRequest;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Prints a {@link MutationScore}: one line per operator (mutants, rejected as bad input, rejected
 * and accepted by each side, TLC runs that decided neither; a side that was not run counts
 * nowhere), then every accepted
 * mutant with its file and the validate command that shows it.
 */
public final class MutationReport {
    private MutationReport() {
    }

    /** The {@code conform validate} command that validates {@code file} like the run did. */
    public static String validateCommand(TraceValidationRequest req, Path file) {
        StringBuilder sb = new StringBuilder("conform validate");
        if (req.spec() != null) {
            sb.append(" --spec ").append(req.spec());
            if (!req.config().equals(sibling(req))) {
                sb.append(" --config ").append(req.config());
            }
        } else {
            sb.append(" --java-only");
        }
        sb.append(" --trace ").append(file);
        for (Path l : req.libraries()) {
            sb.append(" --lib ").append(l);
        }
        return sb.toString();
    }

    private static Path sibling(TraceValidationRequest req) {
        return TraceValidationRequest.of(req.spec(), req.trace()).config();
    }

    public static void text(MutationScore s, TraceValidationRequest req, PrintWriter out) {
        String fmt = "%-22s %6s %8s %10s %9s %9s %10s %10s %10s %9s%n";
        out.printf(fmt, "operator", "sites", "mutants", "bad input", "TLC rej.", "TLC acc.", "TLC other", "Java rej.",
                "Java acc.", "accepted");
        long total = 0;
        long accepted = 0;
        for (OperatorScore o : s.operators()) {
            out.printf(fmt, o.operator().name(), o.sites(), o.mutants(), o.badInput(), o.tlcRejected(),
                    o.tlcAccepted(), o.tlcUndecided(), o.javaRejected(), o.javaAccepted(),
                    o.accepted() + (o.failed() > 0 ? " (+" + o.failed() + " failed)" : ""));
            total += o.mutants();
            accepted += o.accepted();
        }
        out.printf("%d mutants, %d accepted%n", total, accepted);
        for (OperatorScore o : s.operators()) {
            for (MutantVerdict v : o.verdicts()) {
                if (v.accepted() || v.failed()) {
                    out.printf("%s %s: %s%n", v.accepted() ? "ACCEPTED" : "FAILED", v.file().getFileName(), v.mutant().lie());
                    out.printf("    lie at line %d: %s%n", v.mutant().line(), o.operator().why());
                    if (v.failed()) {
                        out.printf("    %s%n", v.reason());
                    }
                    out.printf("    validate: %s%n", validateCommand(req, v.file()));
                }
            }
        }
        out.flush();
    }

    public static ObjectNode json(MutationScore s, TraceValidationRequest req) {
        ObjectNode root = TraceDoc.JSON.createObjectNode();
        root.put("trace", req.trace().toString());
        root.put("exit", s.exitCode());
        root.put("mutants", s.mutants());
        root.put("accepted", s.accepted().size());
        ArrayNode ops = root.putArray("operators");
        for (OperatorScore o : s.operators()) {
            ObjectNode n = ops.addObject();
            n.put("operator", o.operator().name());
            n.put("why", o.operator().why());
            n.put("sites", o.sites());
            n.put("mutants", o.mutants());
            n.put("badInput", o.badInput());
            n.put("tlcRejected", o.tlcRejected());
            n.put("tlcAccepted", o.tlcAccepted());
            n.put("tlcUndecided", o.tlcUndecided());
            n.put("javaRejected", o.javaRejected());
            n.put("javaAccepted", o.javaAccepted());
            n.put("accepted", o.accepted());
            n.put("failed", o.failed());
            ArrayNode ms = n.putArray("verdicts");
            for (MutantVerdict v : o.verdicts()) {
                ObjectNode m = ms.addObject();
                m.put("file", v.file().toString());
                m.put("line", v.mutant().line());
                m.put("lie", v.mutant().lie());
                m.put("status", v.report().status().name());
                m.put("tlc", v.report().tlc() == null ? null : v.report().tlc().outcome().name());
                m.put("java", v.report().java() == null ? null : v.report().java().conforms() ? "CONFORMS" : "REJECTED");
                m.put("reason", v.reason());
                m.put("validate", validateCommand(req, v.file()));
            }
        }
        return root;
    }
}
