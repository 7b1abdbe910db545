package dev.conform.checker.tla;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import tlc2.value.impl.BoolValue;
import tlc2.value.impl.IntValue;
import tlc2.value.impl.RecordValue;
import tlc2.value.impl.StringValue;
import tlc2.value.impl.TupleValue;
import tlc2.value.impl.Value;
import util.UniqueString;

/**
 * Turns one JSON value at the parser's current token into a TLC value: objects become records
 * (null fields left out, so presence is tested with {@code "f" \in DOMAIN r}), arrays tuples,
 * strings strings, booleans booleans and integers integers. TLC integers are 32-bit, so larger
 * numbers, and fractions, are rejected with the file position rather than wrapped or rounded.
 */
final class JsonToTla {
    private final String file;

    JsonToTla(String file) {
        this.file = file;
    }

    /** Converts the value starting at the current token; returns null for JSON null. */
    Value read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return record(p);
            case START_ARRAY:
                return tuple(p);
            case VALUE_STRING:
                return new StringValue(p.getText());
            case VALUE_TRUE:
                return BoolValue.ValTrue;
            case VALUE_FALSE:
                return BoolValue.ValFalse;
            case VALUE_NULL:
                return null;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() != JsonParser.NumberType.INT) {
                    throw error(p, "integer " + p.getText() + " does not fit TLC's 32-bit integers");
                }
                return IntValue.gen(p.getIntValue());
            case VALUE_NUMBER_FLOAT:
                throw error(p, "number " + p.getText() + " is not an integer; TLC has no fractions");
            default:
                throw error(p, "unexpected JSON token " + t);
        }
    }

    private Value record(JsonParser p) throws IOException {
        List<UniqueString> names = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Value v = read(p);
            if (v != null) {
                names.add(UniqueString.uniqueStringOf(name));
                values.add(v);
            }
        }
        RecordValue r = new RecordValue(names.toArray(new UniqueString[0]), values.toArray(new Value[0]), false);
        return r.normalize();
    }

    private Value tuple(JsonParser p) throws IOException {
        List<Value> elems = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Value v = read(p);
            if (v == null) {
                throw error(p, "null inside an array has no TLA+ value");
            }
            elems.add(v);
        }
        return new TupleValue(elems.toArray(new Value[0]));
    }

    IllegalArgumentException error(JsonParser p, String message) {
        JsonLocation loc = p.currentTokenLocation();
        return new IllegalArgumentException(file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": " + message);
    }
}
