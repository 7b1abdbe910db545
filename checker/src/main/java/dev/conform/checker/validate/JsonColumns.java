package dev.conform.checker.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The column (1-based, in characters) where the value at a path starts in one line of JSON, for
 * error messages that point at it. Only used on the error path: the line is parsed once more.
 */
final class JsonColumns {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonColumns() {
    }

    /**
     * @param path object field names (String) and array indexes (Integer) from the line's root
     * @return the value's column, or 1 when the path is not found
     */
    static int of(String line, List<Object> path) {
        try (JsonParser p = JSON.createParser(line)) {
            List<Object> at = new ArrayList<>();
            List<Integer> nextIndex = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    at.set(at.size() - 1, p.currentName());
                    continue;
                }
                if (!nextIndex.isEmpty() && nextIndex.get(nextIndex.size() - 1) >= 0) {
                    int i = nextIndex.get(nextIndex.size() - 1);
                    if (t != JsonToken.END_ARRAY) {
                        at.set(at.size() - 1, i);
                        nextIndex.set(nextIndex.size() - 1, i + 1);
                    }
                }
                if (t != JsonToken.END_ARRAY && t != JsonToken.END_OBJECT && at.equals(path)) {
                    return (int) p.currentTokenLocation().getColumnNr();
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    at.add(null);
                    nextIndex.add(t == JsonToken.START_ARRAY ? 0 : -1);
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    at.remove(at.size() - 1);
                    nextIndex.remove(nextIndex.size() - 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
        return 1;
    }
}
