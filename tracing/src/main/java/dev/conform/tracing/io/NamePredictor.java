package dev.conform.tracing.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;

/**
 * Reads field names faster by guessing them. Trace lines repeat a few object shapes, so the
 * name after a given name (or the first name inside an object under a given field) is nearly
 * always the one seen there last time. A right guess is confirmed by comparing the input bytes
 * with the quoted name, which skips the parser's name hashing and symbol-table lookup; a wrong
 * one costs that comparison and the name is read as usual. Either way the parser ends in the
 * same state as after {@link JsonParser#nextFieldName()}, errors and positions included.
 */
final class NamePredictor {
    private static final int SLOTS = 1024;
    /** Field names come from the parser's symbol table, so a name is looked up by identity. */
    private final String[] afterKey = new String[SLOTS];
    private final SerializedString[] afterGuess = new SerializedString[SLOTS];
    private final String[] firstKey = new String[SLOTS];
    private final SerializedString[] firstGuess = new SerializedString[SLOTS];
    /** The quoted form of each name guessed, built once per name. */
    private final String[] quotedKey = new String[SLOTS];
    private final SerializedString[] quoted = new SerializedString[SLOTS];
    private static final String ROOT = "";

    /** The next field name after {@code prev} in the current object, or null at its end. */
    String after(JsonParser p, String prev) throws IOException {
        return next(p, prev, afterKey, afterGuess);
    }

    /** The first field name of the object just opened under field {@code parent} (null: a line). */
    String first(JsonParser p, String parent) throws IOException {
        return next(p, parent == null ? ROOT : parent, firstKey, firstGuess);
    }

    private String next(JsonParser p, String key, String[] keys, SerializedString[] guesses) throws IOException {
        int slot = key.hashCode() * 0x9E3779B9 >>> 22;
        SerializedString guess = keys[slot] == key ? guesses[slot] : null;
        String name;
        if (guess != null) {
            if (p.nextFieldName(guess)) {
                return guess.getValue();
            }
            name = p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
        } else {
            name = p.nextFieldName();
        }
        if (name != null) {
            keys[slot] = key;
            guesses[slot] = quoted(name);
        }
        return name;
    }

    private SerializedString quoted(String name) {
        int slot = name.hashCode() * 0x9E3779B9 >>> 22;
        if (quotedKey[slot] != name) {
            quotedKey[slot] = name;
            quoted[slot] = new SerializedString(name);
        }
        return quoted[slot];
    }
}
