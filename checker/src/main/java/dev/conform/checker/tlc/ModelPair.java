package dev.conform.checker.tlc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A root module and the model config to check it with. In a spec folder the model-checking
 * pairs are {@code MC*.cfg} files with the {@code MC*.tla} of the same name, or else the
 * {@code MC*.tla} whose name is the longest prefix of the config's (so {@code MCFooLive.cfg}
 * checks {@code MCFoo.tla}).
 */
public record ModelPair(Path spec, Path config) {

    /** The name shown to users: the config's file name when it differs from the spec's. */
    public String displayName() {
        String s = spec.getFileName().toString();
        String c = config.getFileName().toString();
        return stem(s).equals(stem(c)) ? s : s + " + " + c;
    }

    /**
     * What {@code conform check ARG [--config CFG]} means: a .tla file (config defaults to its
     * sibling .cfg) or a spec folder holding exactly one pair (or the pair of {@code config}).
     *
     * @throws TlcInputException naming what is missing or listing the choices
     */
    public static ModelPair resolve(Path specOrFolder, Path config) {
        Path target = specOrFolder.toAbsolutePath().normalize();
        if (Files.isRegularFile(target)) {
            if (!target.getFileName().toString().endsWith(".tla")) {
                throw new TlcInputException(target + ": not a .tla file");
            }
            Path cfg = config != null ? besideOrHere(config, target.getParent())
                    : target.resolveSibling(stem(target.getFileName().toString()) + ".cfg");
            if (!Files.isRegularFile(cfg)) {
                throw new TlcInputException(cfg + ": config file not found (use --config)");
            }
            return new ModelPair(target, cfg);
        }
        if (!Files.isDirectory(target)) {
            throw new TlcInputException(target + ": no such spec file or folder");
        }
        List<ModelPair> pairs = inFolder(target);
        if (config != null) {
            Path cfg = besideOrHere(config, target);
            for (ModelPair p : pairs) {
                if (p.config().equals(cfg)) {
                    return p;
                }
            }
            throw new TlcInputException(cfg + ": not an MC*.cfg with a matching MC*.tla in " + target);
        }
        if (pairs.isEmpty()) {
            throw new TlcInputException(target + ": no MC*.tla/MC*.cfg pair in this folder");
        }
        if (pairs.size() > 1) {
            List<String> names = pairs.stream().map(p -> p.config().getFileName().toString()).toList();
            throw new TlcInputException(target + ": several models, choose one with --config: "
                    + String.join(", ", names));
        }
        return pairs.get(0);
    }

    /**
     * A {@code --config} path: as given when it exists from here (or is absolute), else in the
     * spec's folder; a file not named {@code *.cfg} is bad input (TLC would only crash on it).
     */
    private static Path besideOrHere(Path config, Path specFolder) {
        if (!config.getFileName().toString().endsWith(".cfg")) {
            throw new TlcInputException(config + ": not a model config (a .cfg file)");
        }
        return config.isAbsolute() || Files.exists(config) ? config.toAbsolutePath().normalize()
                : specFolder.resolve(config).normalize();
    }

    /** All model-checking pairs of a spec folder, sorted by config name. */
    public static List<ModelPair> inFolder(Path folder) {
        List<Path> specs = new ArrayList<>();
        List<Path> configs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith("MC") && Files.isRegularFile(f)) {
                    if (n.endsWith(".tla")) {
                        specs.add(f.toAbsolutePath().normalize());
                    } else if (n.endsWith(".cfg")) {
                        configs.add(f.toAbsolutePath().normalize());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ModelPair> pairs = new ArrayList<>();
        for (Path cfg : configs) {
            String c = stem(cfg.getFileName().toString());
            Path best = null;
            for (Path spec : specs) {
                String s = stem(spec.getFileName().toString());
                if (c.startsWith(s) && (best == null || s.length() > stem(best.getFileName().toString()).length())) {
                    best = spec;
                }
            }
            if (best != null) {
                pairs.add(new ModelPair(best, cfg));
            }
        }
        return pairs;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }
}
