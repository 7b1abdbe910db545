package dev.conform.runtime.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /** One command and the output the file expects of it. */
    public record Block(int line, String command, List<Token> words, List<String> expected) {
        public String name() {
            return words.get(0).text();
        }
    }

    /** A piece of the file: a verbatim line (comment, blank) or a command block. */
    private record Part(String text, Block block) {
    }

    private final String file;
    private final List<Part> parts;
    private final List<Block> blocks;

    private ScenarioScript(String file, List<Part> parts) {
        this.file = file;
        this.parts = List.copyOf(parts);
        List<Block> b = new ArrayList<>();
        for (Part p : parts) {
            if (p.block != null) {
                b.add(p.block);
            }
        }
        this.blocks = List.copyOf(b);
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
        String[] lines = text.split("\r?\n", -1);
        int count = lines.length;
        if (count > 0 && lines[count - 1].isEmpty()) {
            count--; // the final newline ends the last line; it does not start another
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < count) {
            String line = lines[i];
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                parts.add(new Part(line, null));
                i++;
                continue;
            }
            if (t.equals(SEPARATOR)) {
                throw new ScenarioException(file, i + 1, 1, "'" + SEPARATOR + "' without a command before it");
            }
            int lineNo = i + 1;
            if (i + 1 >= count || !lines[i + 1].strip().equals(SEPARATOR)) {
                throw new ScenarioException(file, lineNo + 1, 1,
                        "expected '" + SEPARATOR + "' after the command '" + t + "'");
            }
            i += 2;
            List<String> expected = new ArrayList<>();
            while (i < count && !lines[i].isBlank()) {
                expected.add(lines[i].stripTrailing());
                i++;
            }
            List<Token> words = Token.split(line, file, lineNo);
            parts.add(new Part(null, new Block(lineNo, t, words, List.copyOf(expected))));
        }
        return new ScenarioScript(file, parts);
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
        int k = 0;
        for (Part p : parts) {
            if (p.block == null) {
                sb.append(p.text).append('\n');
                continue;
            }
            sb.append(p.block.command).append('\n').append(SEPARATOR).append('\n');
            for (String line : outputs.get(k++)) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
