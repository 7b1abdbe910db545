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
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            int depth = 0;
            while (i < n) {
                char d = line.charAt(i);
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                    if (depth < 0) {
                        throw new ScenarioException(file, lineNo, i + 1, "unbalanced '" + d + "'");
                    }
                } else if (Character.isWhitespace(d) && depth == 0) {
                    break;
                }
                i++;
            }
            if (depth != 0) {
                throw new ScenarioException(file, lineNo, start + 1, "unclosed bracket in '"
                        + line.substring(start) + "'");
            }
            out.add(new Token(line.substring(start, i), start + 1));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
