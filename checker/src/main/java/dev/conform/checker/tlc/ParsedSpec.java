package dev.conform.checker.tlc;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tla2sany.semantic.ModuleNode;

/**
 * A root module and every module it depends on, as SANY's semantic graph. Read it, never change
 * it: later parses leave it alone, but SANY's nodes have setters TLC uses while it checks.
 *
 * @param root    the root module (its variables include those of the modules it EXTENDS)
 * @param modules module names in the order SANY analysed them: every module after the modules it
 *                EXTENDS or INSTANCEs, in the order it names them; the root last
 * @param files   the file each module was read from (standard modules: a private copy)
 */
public record ParsedSpec(ModuleNode root, List<String> modules, Map<String, Path> files) {
    public ParsedSpec {
        modules = List.copyOf(modules);
        files = Map.copyOf(files);
    }

    /** The root module's name. */
    public String moduleName() {
        return root.getName().toString();
    }

    /** The file {@code module} was read from, or null. */
    public Path file(String module) {
        return files.get(module);
    }
}
