package dev.conform.checker.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's text, cut where SANY says a syntax node begins and ends. SANY counts lines from 1
 * (a line ends at LF, CR or CRLF) and columns from 1, a tab advancing to the next multiple of 8
 * plus 1, as its JavaCC character stream does; {@link #slice} keeps every character at the column
 * it had, so a cut-out bulleted list still lines up when pasted into another module.
 */
final class SourceText {
    private static final int TAB = 8;

    private final List<String> lines;

    private SourceText(List<String> lines) {
        this.lines = lines;
    }

    static SourceText read(Path file) throws IOException {
        return of(Files.readString(file));
    }

    static SourceText of(String text) {
        return new SourceText(text.lines().toList());
    }

    /**
     * The text from ({@code beginLine}, {@code beginColumn}) to ({@code endLine},
     * {@code endColumn}), both inclusive, one string per line; on the first line the text before
     * the start is blanked (tabs kept), so the start stays at its column.
     */
    List<String> slice(int beginLine, int beginColumn, int endLine, int endColumn) {
        if (beginLine < 1 || endLine > lines.size() || endLine < beginLine) {
            throw new IllegalArgumentException("lines " + beginLine + ".." + endLine + " are not in the text ("
                    + lines.size() + " lines)");
        }
        List<String> out = new ArrayList<>();
        for (int n = beginLine; n <= endLine; n++) {
            String line = lines.get(n - 1);
            int from = n == beginLine ? index(line, beginColumn) : 0;
            int to = n == endLine ? index(line, endColumn) + 1 : line.length();
            out.add(blank(line.substring(0, from)) + line.substring(from, to));
        }
        return out;
    }

    /** The index of the character SANY places at {@code column} of {@code line}. */
    static int index(String line, int column) {
        int width = 0;
        for (int i = 0; i < line.length(); i++) {
            if (width + 1 == column) {
                return i;
            }
            width = line.charAt(i) == '\t' ? width + TAB - width % TAB : width + 1;
            if (width + 1 > column) {
                break;
            }
        }
        throw new IllegalArgumentException("no character at column " + column + " of: " + line);
    }

    private static String blank(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(s.charAt(i) == '\t' ? '\t' : ' ');
        }
        return b.toString();
    }
}
