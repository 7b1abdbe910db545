package dev.conform.runtime.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.runtime.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Turns {@link Frame}s into JSON bytes and back, using the algorithm's message classes by type name. */
public final class FrameCodec {
    private final ObjectMapper mapper = Json.mapper();
    private final Map<String, ? extends Class<?>> types;

    public FrameCodec(Map<String, ? extends Class<?>> types) {
        this.types = types;
    }

    public byte[] encode(Frame f) throws IOException {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", f.id());
        o.put("from", f.from());
        o.put("to", f.to());
        o.put("type", f.type());
        o.set("body", mapper.valueToTree(f.body()));
        o.put("lamport", f.lamport());
        ObjectNode vc = o.putObject("vc");
        if (f.vc() != null) {
            new TreeMap<>(f.vc()).forEach((k, v) -> vc.put(String.valueOf(k), v));
        }
        return mapper.writeValueAsBytes(o);
    }

    /** Decodes a frame; throws IOException for anything malformed or of an unknown type. */
    public Frame decode(byte[] bytes) throws IOException {
        JsonNode o = mapper.readTree(bytes);
        if (o == null || !o.isObject()) {
            throw new IOException("frame is not a JSON object");
        }
        String type = o.path("type").asText(null);
        Class<?> cls = type == null ? null : types.get(type);
        if (cls == null) {
            throw new IOException("unknown message type " + type);
        }
        Object body = mapper.treeToValue(o.get("body"), cls);
        Map<Integer, Long> vc = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("vc").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vc.put(Integer.parseInt(e.getKey()), e.getValue().asLong());
        }
        return new Frame(o.path("id").asLong(), o.path("from").asInt(), o.path("to").asInt(), type, body,
                o.path("lamport").asLong(), vc);
    }
}
