package dev.conform.runtime.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed scenario file: commands with their expected output, in the datadriven layout
 *
 * <pre>
 * # comments and blank lines are kept as they are
 * command args...
 * ----
 * expected output, up to the next blank line or the end of the file
 * </pre>
 *
 * Everything that is not a command block is kept verbatim, so {@link #render} can write the file
 * back with new expected outputs and the comments intact.
 */
public final class ScenarioScript {
    /** The line that separates a command from its expected output. */
    public static final String SEPARATOR = "----";

    /** One command, the output the file expects of it, and the comment and blank lines before it. */
    public record Block(int line, String command, List<Token> words, List<String> expected, List<String> before) {
    }

    private final String file;
    private final List<Block> blocks;
    /** Comment and blank lines after the last block. */
    private final List<String> trailing;

    private ScenarioScript(String file, List<Block> blocks, List<String> trailing) {
        this.file = file;
        this.blocks = List.copyOf(blocks);
        this.trailing = List.copyOf(trailing);
    }

    public static ScenarioScript read(Path path) {
        try {
            return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@code text}; {@code file} names it in error messages. */
    public static ScenarioScript parse(String file, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1); // the final newline ends the last line; it does not start another
        }
        List<Block> blocks = new ArrayList<>();
        List<String> verbatim = new ArrayList<>();
        for (int i = 0; i < lines.size();) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                verbatim.add(line);
                i++;
                continue;
            }
            if (t.equals(SEPARATOR)) {
                throw new ScenarioException(file, i + 1, 1, "'" + SEPARATOR + "' without a command before it");
            }
            int lineNo = i + 1;
            if (i + 1 >= lines.size() || !lines.get(i + 1).strip().equals(SEPARATOR)) {
                throw new ScenarioException(file, lineNo + 1, 1,
                        "expected '" + SEPARATOR + "' after the command '" + t + "'");
            }
            List<String> expected = new ArrayList<>();
            for (i += 2; i < lines.size() && !lines.get(i).isBlank(); i++) {
                expected.add(lines.get(i).stripTrailing());
            }
            blocks.add(new Block(lineNo, t, Token.split(line, file, lineNo), List.copyOf(expected),
                    List.copyOf(verbatim)));
            verbatim.clear();
        }
        return new ScenarioScript(file, blocks, verbatim);
    }

    public String file() {
        return file;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The file text with each block's expected output replaced by {@code outputs} (same order). */
    public String render(List<List<String>> outputs) {
        if (outputs.size() != blocks.size()) {
            throw new IllegalArgumentException(outputs.size() + " outputs for " + blocks.size() + " blocks");
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < blocks.size(); k++) {
            Block b = blocks.get(k);
            b.before().forEach(line -> sb.append(line).append('\n'));
            sb.append(b.command()).append('\n').append(SEPARATOR).append('\n');
            outputs.get(k).forEach(line -> sb.append(line).append('\n'));
        }
        trailing.forEach(line -> sb.append(line).append('\n'));
        return sb.toString();
    }
}
