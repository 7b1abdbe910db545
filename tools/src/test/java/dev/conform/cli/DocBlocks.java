package dev.conform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the project's Markdown (README.md, docs/*.md), with the
 * {@code <!-- doc-test: exit N -->} marker that may stand on the line before a block: the
 * commands of a marked block are run by {@link DocsCommandsTest} and must exit with N.
 */
record DocBlocks(Path file, int line, String language, List<String> lines, Integer expectedExit) {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("<!--\\s*doc-test:\\s*exit\\s+(\\d)\\s*-->");

    /** README.md and every docs/*.md. */
    static List<Path> markdown() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    static List<DocBlocks> of(Path md) throws IOException {
        List<String> all = Files.readAllLines(md);
        List<DocBlocks> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String open = all.get(i).strip();
            if (!open.startsWith("```")) {
                continue;
            }
            Integer exit = null;
            if (i > 0) {
                Matcher m = MARKER.matcher(all.get(i - 1));
                exit = m.find() ? Integer.parseInt(m.group(1)) : null;
            }
            List<String> body = new ArrayList<>();
            int j = i + 1;
            while (j < all.size() && !all.get(j).strip().equals("```")) {
                body.add(all.get(j));
                j++;
            }
            out.add(new DocBlocks(md, i + 1, open.substring(3).strip(), List.copyOf(body), exit));
            i = j;
        }
        return out;
    }

    /** Every block of every file. */
    static List<DocBlocks> all() throws IOException {
        List<DocBlocks> out = new ArrayList<>();
        for (Path md : markdown()) {
            out.addAll(of(md));
        }
        return out;
    }

    String where() {
        return ROOT.relativize(file) + ":" + line;
    }

    /**
     * The block's {@code conform ...} command lines ({@code $ }, {@code ./} and a trailing
     * {@code # comment} dropped). In a block with {@code $ } prompts only the prompted lines are
     * commands: the others are their output (which may start with "conform", as --version's does).
     */
    List<String> commands() {
        List<String> out = new ArrayList<>();
        boolean prompted = lines.stream().anyMatch(l -> l.strip().startsWith("$ "));
        for (String l : lines) {
            String s = l.strip();
            if (s.startsWith("$ ")) {
                s = s.substring(2);
            } else if (prompted) {
                continue;
            }
            if (s.startsWith("./conform ")) {
                s = s.substring(2);
            }
            if (!s.startsWith("conform ") && !s.equals("conform")) {
                continue;
            }
            int hash = s.indexOf(" #");
            out.add((hash < 0 ? s : s.substring(0, hash)).strip());
        }
        return out;
    }

    /** The arguments of a command from {@link #commands()}. */
    static String[] args(String command) {
        String rest = command.substring("conform".length()).strip();
        return rest.isEmpty() ? new String[0] : rest.split("\\s+");
    }

    /** True when the block is an NDJSON trace (its first line a header). */
    boolean isTrace() {
        return !lines.isEmpty() && lines.get(0).startsWith("{\"type\":\"header\"");
    }
}
