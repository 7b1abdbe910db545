package dev.conform.cli.gate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant of a pairing (an entry of gate.json's {@code "variants"}): a way the implementation
 * can run that the gate checks on its own share of the seeds, e.g. a CRDT type with a clock mode,
 * or 2PC with cooperative termination. Its options are laid over the pairing's; its traces are
 * validated through its own trace spec when it names one, else the pairing's.
 *
 * @param name      short name shown in the table, unique in the pairing; null for the one implicit
 *                  variant of a pairing that lists none
 * @param options   algorithm options that override the pairing's
 * @param traceSpec trace spec file in the folder, or null for the pairing's
 */
public record GateVariant(String name, Map<String, String> options, String traceSpec) {
    public GateVariant {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The variant of a pairing without {@code "variants"}: its own options and trace spec. */
    static GateVariant implicit() {
        return new GateVariant(null, Map.of(), null);
    }

    /** The pairing's options with this variant's laid over them. */
    public Map<String, String> options(GatePairing p) {
        Map<String, String> all = new LinkedHashMap<>(p.options());
        all.putAll(options);
        return all;
    }

    /** The trace spec this variant's traces are validated through, or null when there is none. */
    Path traceSpecPath(GatePairing p) {
        return traceSpec != null ? p.folder().resolve(traceSpec) : p.traceSpecPath();
    }

    /** " [name]" for check names, or nothing for the implicit variant. */
    String suffix() {
        return name == null ? "" : " [" + name + "]";
    }
}
