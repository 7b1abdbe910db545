package dev.conform.checker.tlc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.checker.value.TlaJson;

/**
 * The JSON form of a {@link TlcResult} ({@code conform check --json}, {@code result.json}).
 * Values use {@link TlaJson}'s encoding; raw output is left out (it is written beside it).
 */
public final class TlcResultJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TlcResultJson() {
    }

    public static ObjectNode toJson(TlcResult r) {
        ObjectNode o = F.objectNode();
        o.put("verdict", r.verdict().name());
        o.put("ok", r.isOk());
        o.put("violated", r.violatedName());
        o.put("message", r.message());
        o.set("location", location(r.location()));
        o.put("missingModule", r.missingModule());
        ObjectNode stats = o.putObject("statistics");
        stats.put("distinctStates", r.statistics().distinctStates());
        stats.put("statesGenerated", r.statistics().statesGenerated());
        stats.put("queueLeft", r.statistics().queueLeft());
        stats.put("depth", r.statistics().depth());
        o.put("durationMillis", r.duration().toMillis());
        o.put("tlcVersion", r.tlcVersion());
        o.put("tla2tools", r.tla2toolsJar() == null ? null : r.tla2toolsJar().toString());
        if (r.exitCode() == null) {
            o.putNull("exitCode");
        } else {
            o.put("exitCode", r.exitCode());
        }
        ArrayNode cmd = o.putArray("commandLine");
        r.commandLine().forEach(cmd::add);
        o.set("counterexample", counterexample(r.counterexample()));
        ArrayNode messages = o.putArray("messages");
        for (TlcMessage m : r.messages()) {
            messages.addObject().put("code", m.code()).put("type", m.type()).put("depth", m.depth())
                    .put("text", m.text());
        }
        return o;
    }

    public static String toPrettyString(TlcResult r) {
        try {
            return MAPPER.writeValueAsString(toJson(r));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode location(SourceLocation l) {
        if (l == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.put("module", l.module());
        o.put("file", l.file());
        o.put("line", l.line());
        o.put("column", l.column());
        o.put("endLine", l.endLine());
        o.put("endColumn", l.endColumn());
        return o;
    }

    private static JsonNode counterexample(Counterexample c) {
        if (c == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        ArrayNode states = o.putArray("states");
        for (TlcState s : c.states()) {
            ObjectNode so = states.addObject();
            so.put("number", s.number());
            so.put("action", s.action());
            so.set("location", location(s.location()));
            so.set("variables", TlaJson.toJson(s.variables()));
            if (s.parseError() != null) {
                so.put("parseError", s.parseError());
                so.put("text", s.text());
            }
        }
        ObjectNode loop = o.putObject("loop");
        loop.put("kind", c.loop().name());
        if (c.loop() != Counterexample.Loop.NONE) {
            loop.put("toState", c.loopTo());
            loop.put("action", c.loopAction());
            loop.set("location", location(c.loopLocation()));
        }
        return o;
    }
}
