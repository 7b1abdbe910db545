package dev.conform.runtime.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One word of a command with its 1-based column. A bracketed group ({@code {2, 3}} or
 * {@code [1:x, 1:y]}) is one word, spaces included, so sets and lists need no quoting.
 */
public record Token(String text, int column) {

    /** Splits line {@code lineNo} of {@code file} into words; errors name file:line:col. */
    static List<Token> split(String line, String file, int lineNo) {
        List<Token> out = new ArrayList<>();
        int start = -1;
        int depth = 0;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : '\n';
            if (depth == 0 && Character.isWhitespace(c)) {
                if (start >= 0) {
                    out.add(new Token(line.substring(start, i), start + 1));
                }
                start = -1;
            } else if (i == line.length()) {
                throw new ScenarioException(file, lineNo, start + 1, "unclosed bracket in '"
                        + line.substring(start) + "'");
            } else {
                start = start < 0 ? i : start;
                depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
                if (depth < 0) {
                    throw new ScenarioException(file, lineNo, i + 1, "unbalanced '" + c + "'");
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
