package dev.conform.algorithms.pbft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conform.runtime.Json;

/**
 * The text a statement's signature covers: the statement's JSON as the runtime writes it
 * ({@code "type"} first, then the record's fields in declaration order, no spaces) without its
 * own top-level {@code sig}. Embedded statements appear whole, with their signatures.
 */
public final class Canonical {
    private Canonical() {
    }

    public static String of(PbftMessage statement) {
        ObjectNode tree = Json.mapper().valueToTree(statement);
        tree.remove("sig");
        try {
            return Json.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a PBFT statement", e);
        }
    }
}
