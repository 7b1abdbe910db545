package dev.conform.checker.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.value.TlaJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code conform validate --json}: a stable, documented shape (see the command's help). */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String toJson(ValidationReport r) {
        try {
            return JSON.writeValueAsString(toMap(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event line as a JSON object (as the trace has it); the text itself if it does not parse. */
    private static Object eventObject(String line) {
        if (line == null) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return line;
        }
    }

    static Map<String, Object> toMap(ValidationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trace", String.valueOf(r.trace()));
        m.put("status", r.status().name().toLowerCase());
        m.put("exitCode", r.status().exitCode);
        m.put("algorithm", r.algorithm());
        m.put("events", r.events());
        if (r.badInput() != null) {
            m.put("badInput", r.badInput());
        }
        if (r.tlc() != null) {
            TlcValidation t = r.tlc();
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("spec", String.valueOf(r.spec()));
            tm.put("outcome", t.outcome().name());
            tm.put("message", t.message());
            tm.put("segments", t.segments());
            tm.put("seconds", t.duration().toMillis() / 1000.0);
            if (t.violatedInvariant() != null) {
                tm.put("violatedInvariant", t.violatedInvariant());
                tm.put("violationAfterEvent", t.violationEvent());
            }
            if (t.divergence() != null) {
                TlcValidation.Divergence d = t.divergence();
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("event", d.event());
                dm.put("line", d.line());
                Object event = eventObject(d.eventJson());
                if (event instanceof com.fasterxml.jackson.databind.JsonNode n && n.has("seq")) {
                    dm.put("seq", n.get("seq"));
                }
                dm.put("eventJson", event);
                dm.put("lastMatchedState", d.lastState());
                dm.put("lastMatchedValues", d.lastValues() == null ? null : TlaJson.toJson(d.lastValues()));
                List<Map<String, Object>> actions = new ArrayList<>();
                for (TlcValidation.ActionDiagnosis a : d.actions()) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("action", a.action());
                    am.put("enabled", a.enabled());
                    am.put("failedConjunct", a.failedConjunct());
                    am.put("conjunct", a.conjunct());
                    am.put("conjuncts", a.conjuncts());
                    actions.add(am);
                }
                dm.put("actions", actions);
                dm.put("note", d.note());
                tm.put("divergence", dm);
            }
            tm.put("tlcCommands", t.commandLines());
            m.put("tlc", tm);
        }
        if (r.formatOnly()) {
            m.put("formatOnly", true);
        }
        if (r.java() != null) {
            ReplayResult j = r.java();
            Map<String, Object> jm = new LinkedHashMap<>();
            jm.put("conforms", j.conforms());
            if (j.failure() != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("invariant", j.failure().invariant());
                f.put("kind", j.failure().kind() == null ? null : j.failure().kind().name());
                f.put("event", j.failure().event());
                f.put("line", j.failure().line());
                f.put("message", j.failure().message());
                jm.put("failure", f);
            }
            List<Map<String, Object>> invs = new ArrayList<>();
            for (ReplayResult.InvariantVerdict v : j.verdicts()) {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("name", v.name());
                im.put("kind", v.kind().name());
                im.put("passed", v.passed());
                im.put("detail", v.detail());
                invs.add(im);
            }
            jm.put("invariants", invs);
            Map<String, Object> cov = new LinkedHashMap<>();
            cov.put("reached", j.coverage().reached());
            cov.put("actions", j.coverage().actions());
            jm.put("coverage", cov);
            m.put("java", jm);
        } else if (r.javaNote() != null) {
            m.put("javaNote", r.javaNote());
        }
        return m;
    }
}
