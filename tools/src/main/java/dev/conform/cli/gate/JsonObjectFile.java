package dev.conform.cli.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.conform.cli.UserError;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a spec folder's JSON settings file; anything but one JSON object is bad input at file:line:col. */
final class JsonObjectFile {
    private JsonObjectFile() {
    }

    /** The file's root object; {@code expected} finishes the error when the root is not an object. */
    static JsonNode read(Path file, String expected) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new UserError(file + ":" + (l == null ? 0 : l.getLineNr()) + ":" + (l == null ? 0 : l.getColumnNr())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UserError(file + ":1:1: expected " + expected);
        }
        return root;
    }
}
