package dev.conform.checker.tlc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tla2sany.drivers.FrontEndException;
import tla2sany.drivers.SANY;
import tla2sany.modanalyzer.SpecObj;
import tla2sany.semantic.ModuleNode;
import util.ToolIO;

/**
 * Parses a TLA+ module and everything it depends on with SANY, the parser inside the TLC jar, in
 * this JVM: syntax, semantic analysis and level checking, exactly what TLC runs before it checks
 * anything. Conform reads a spec's structure (its variables, its {@code IsX} actions and their
 * conjuncts) from SANY's semantic graph rather than from the text, so comments, strings, odd
 * layouts and modules it EXTENDS are read as TLA+ reads them.
 *
 * <p>SANY keeps its symbol tables in static fields and prints through TLC's global
 * {@code ToolIO} streams, so parses run one at a time and with those streams pointed at a buffer:
 * nothing reaches the CLI's stdout or stderr. What SANY printed is then read like TLC's own
 * output ({@link SanyError}), so an error comes out as the same positioned
 * {@link TlaParseException} a TLC run would give. A parse of Raft's trace spec takes tens of
 * milliseconds once the JVM is warm (about a second for the first one, which loads SANY): run it
 * once per validation, never per TLC segment.
 */
public final class SanyParser {
    private static final Object LOCK = new Object();
    /** Lines SANY prints around an error that say nothing about it. */
    private static final Pattern NOISE = Pattern.compile("^(Parsing file|Semantic processing|Fatal errors while parsing"
            + "|tla2sany\\.semantic\\.AbortException|\\*\\*\\* (Abort messages|Errors)|Unknown location|In module)");
    private static final Pattern PARSING_FILE = Pattern.compile("^Parsing file (\\S.*?)(?: \\(.*\\))?$");

    private SanyParser() {
    }

    /**
     * Parses {@code root} with SANY.
     *
     * @param root    the root module's file
     * @param folders where modules it names are looked for, in order; TLC's standard modules
     *                come after them (see {@link ModuleResolver})
     * @throws TlaParseException if SANY rejects a module (positioned when SANY gave a position)
     * @throws IllegalStateException if SANY itself failed: a tool failure, never a pass
     */
    public static ParsedSpec parse(Path root, List<Path> folders) throws TlaParseException {
        Path file = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new TlaParseException(Verdict.PARSE_ERROR, null, file + ": no such module file", null);
        }
        List<Path> search = new ArrayList<>();
        folders.forEach(f -> search.add(f.toAbsolutePath().normalize()));
        if (search.isEmpty()) {
            search.add(file.getParent());
        }
        ModuleResolver resolver = new ModuleResolver(search);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SpecObj spec;
        int status;
        synchronized (LOCK) {
            PrintStream out = ToolIO.out;
            PrintStream err = ToolIO.err;
            try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
                ToolIO.out = capture;
                ToolIO.err = capture;
                spec = new SpecObj(file.toString(), resolver);
                status = SANY.frontEndMain(spec, file.toString(), capture);
            } catch (FrontEndException | RuntimeException | StackOverflowError e) {
                throw new IllegalStateException("SANY failed on " + file + ": " + e, e);
            } finally {
                ToolIO.out = out;
                ToolIO.err = err;
            }
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        if (status != 0 || failed(spec)) {
            throw error(lines, resolver, file);
        }
        ModuleNode module = spec.getExternalModuleTable().getRootModule();
        if (module == null) {
            throw new IllegalStateException("SANY reported no error but returned no module for " + file);
        }
        List<String> order = new ArrayList<>();
        Map<String, Path> files = new LinkedHashMap<>();
        for (int i = 0; i < spec.semanticAnalysisVector.size(); i++) {
            String name = spec.semanticAnalysisVector.elementAt(i).toString();
            order.add(name);
            Path f = resolver.fileOf(name);
            if (f != null) {
                files.put(name, f);
            }
        }
        return new ParsedSpec(module, order, files);
    }

    private static boolean failed(SpecObj spec) {
        return spec.getErrorLevel() > 0 || !spec.getInitErrors().isSuccess() || !spec.getParseErrors().isSuccess()
                || !spec.getSemanticErrors().isSuccess();
    }

    /**
     * SANY's first error, located in its file. An error {@link SanyError} cannot read (a file
     * whose name differs from its module's, a file holding no module) is reported with SANY's
     * own words at the start of the file it was parsing.
     */
    private static TlaParseException error(List<String> lines, ModuleResolver resolver, Path root) {
        SanyError e = SanyError.find(lines);
        if (e != null) {
            return new TlaParseException(e.kind(), locate(e.location(), lines, resolver), e.message(),
                    e.missingModule());
        }
        String said = lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !NOISE.matcher(l).find())
                .findFirst().orElse("no message");
        Path file = lastParsed(lines);
        file = file != null ? file : root;
        return new TlaParseException(Verdict.PARSE_ERROR,
                new SourceLocation(moduleOf(file.toString()), file.toString(), 1, 1, 0, 0),
                "SANY cannot read this module: " + said, null);
    }

    private static Path lastParsed(List<String> lines) {
        Path file = null;
        for (String line : lines) {
            Matcher m = PARSING_FILE.matcher(line.trim());
            if (m.matches()) {
                file = Path.of(m.group(1));
            }
        }
        return file;
    }

    /** The location with its module's file: named by SANY, else the file SANY was parsing last. */
    private static SourceLocation locate(SourceLocation loc, List<String> lines, ModuleResolver resolver) {
        if (loc == null || loc.file() != null) {
            return loc;
        }
        Path file = loc.module() == null ? null : resolver.fileOf(moduleOf(loc.module()));
        if (file == null) {
            file = lastParsed(lines);
        }
        if (file == null) {
            return loc;
        }
        return new SourceLocation(moduleOf(file.toString()), file.toString(), loc.line(), loc.column(),
                loc.endLine(), loc.endColumn());
    }

    /** The module name in a module name or file path ({@code /a/Foo.tla} and {@code Foo.tla} give Foo). */
    private static String moduleOf(String nameOrPath) {
        String name = Path.of(nameOrPath).getFileName().toString();
        return name.endsWith(".tla") ? name.substring(0, name.length() - 4) : name;
    }
}
