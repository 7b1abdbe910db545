package dev.conform.checker.validate;

import dev.conform.tracing.io.TraceFormatException;
import dev.conform.tracing.itf.ItfImport;
import dev.conform.tracing.itf.ItfNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation of an ITF trace ({@code *.itf.json}): it is imported ({@link ItfImport}) into an
 * NDJSON trace in a work folder. A conform trace exported as ITF is then validated like the
 * original, against its trace spec. A state sequence (Quint, Apalache) is validated against the
 * spec the request names, any spec declaring the variables the trace records, through a generated
 * trace spec ({@link StateTraceSpec}).
 */
public final class ItfValidation {
    /**
     * What to run: the request for {@link Validation#run} on the imported trace, or the reason the
     * ITF trace cannot be validated (bad input).
     */
    public record Prepared(TraceValidationRequest request, Path ndjson, String badInput) {
    }

    private ItfValidation() {
    }

    /** Whether {@code trace} is named like an ITF trace. */
    public static boolean isItf(Path trace) {
        String n = trace.getFileName().toString();
        return n.endsWith(".itf.json") || n.endsWith(".itf");
    }

    /**
     * Imports {@code req.trace()} into {@code work} and returns the request that validates it.
     * The request's config, when it names a file that exists, is the spec's model config for a state
     * sequence (constants, INIT/NEXT, invariants).
     */
    public static Prepared prepare(TraceValidationRequest req, ItfNames names, Path work) throws IOException {
        ItfImport.Imported imported;
        try {
            imported = ItfImport.read(req.trace(), names);
        } catch (TraceFormatException e) {
            return new Prepared(null, null, e.getMessage());
        }
        String base = req.trace().getFileName().toString().replaceFirst("(\\.itf)?(\\.json)?$", "");
        Path ndjson = work.resolve(base + ".ndjson");
        imported.writeNdjson(ndjson);
        if (!imported.isStateSequence() || req.spec() == null) {
            return new Prepared(req.withTrace(ndjson), ndjson, null);
        }
        Path cfg = req.config() != null && Files.isRegularFile(req.config()) ? req.config() : null;
        Path specs = Files.createDirectories(work.resolve("spec"));
        StateTraceSpec.Generated g;
        try {
            g = StateTraceSpec.write(req.spec(), cfg, imported.variables(), req.libraries(), specs);
        } catch (StateTraceSpec.Misfit e) {
            return new Prepared(null, null, req.spec() + ": " + e.getMessage());
        }
        List<Path> libraries = new ArrayList<>();
        libraries.add(req.spec().toAbsolutePath().getParent());
        libraries.addAll(req.libraries());
        return new Prepared(req.withSpec(g.spec(), g.config()).withTrace(ndjson).withLibraries(libraries), ndjson, null);
    }
}
