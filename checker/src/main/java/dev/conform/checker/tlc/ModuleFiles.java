package dev.conform.checker.tlc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Maps module names in TLC's locations to their files (spec folder first, then library paths). */
final class ModuleFiles {
    private final List<Path> folders = new ArrayList<>();

    ModuleFiles(TlcRequest req) {
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
