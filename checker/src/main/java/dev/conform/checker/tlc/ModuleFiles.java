package dev.conform.checker.tlc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Maps module names in TLC's locations to their files (spec folder first, then library paths). */
final class ModuleFiles {
    private final List<Path> folders = new ArrayList<>();
    private final Path spec;

    ModuleFiles(TlcRequest req) {
        this.spec = req.spec();
        Path parent = req.spec().getParent();
        if (parent != null) {
            folders.add(parent);
        }
        folders.addAll(req.libraryPaths());
    }

    SourceLocation resolve(SourceLocation loc) {
        if (loc == null || loc.file() != null || loc.module() == null) {
            return loc;
        }
        String name = loc.module().endsWith(".tla") ? loc.module() : loc.module() + ".tla";
        for (Path folder : folders) {
            Path f = folder.resolve(name);
            if (Files.isRegularFile(f)) {
                return new SourceLocation(loc.module().replaceFirst("\\.tla$", ""), f.toString(), loc.line(),
                        loc.column(), loc.endLine(), loc.endColumn());
            }
        }
        return loc;
    }

    /**
     * Where the operator {@code name} is defined ({@code Name ==} or {@code Name(args) ==} at the
     * start of a line): in the root module first, then the other modules of its folder, then the
     * library folders; null when none defines it. For errors TLC reports with no position.
     */
    SourceLocation definition(String name) {
        Pattern def = Pattern.compile("^(\\s*)" + Pattern.quote(name) + "\\s*(\\(.*\\))?\\s*==");
        List<Path> files = new ArrayList<>(List.of(spec));
        for (Path folder : folders) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> p.toString().endsWith(".tla") && !p.equals(spec)).sorted().forEach(files::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable folder defines nothing
            }
        }
        for (Path f : files) {
            try {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = def.matcher(lines.get(i));
                    if (m.find()) {
                        String module = f.getFileName().toString().replaceFirst("\\.tla$", "");
                        return new SourceLocation(module, f.toString(), i + 1, m.group(1).length() + 1, 0, 0);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not readable as text: look on
            }
        }
        return null;
    }

    Counterexample resolve(Counterexample cex) {
        if (cex == null) {
            return null;
        }
        List<TlcState> states = new ArrayList<>(cex.states().size());
        for (TlcState s : cex.states()) {
            states.add(new TlcState(s.number(), s.action(), resolve(s.location()), s.variables(), s.text(),
                    s.parseError()));
        }
        return new Counterexample(states, cex.loop(), cex.loopTo(), cex.loopAction(), resolve(cex.loopLocation()));
    }
}
