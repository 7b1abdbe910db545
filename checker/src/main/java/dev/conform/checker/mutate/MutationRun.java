package dev.conform.checker.mutate;

import dev.conform.checker.validate.TraceValidationRequest;
import dev.conform.checker.validate.Validation;
import dev.conform.checker.validate.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The library behind {@code conform mutate}: validates the trace, derives its mutants
 * ({@link Mutator}), writes each to {@code out}, and validates each exactly as
 * {@code conform validate} would ({@link Validation}: reader, schema, Java replay, TLC).
 *
 * @param request     the validation of the original trace (spec, config, libraries, timeout);
 *                    every mutant is validated with the same settings
 * @param mode        which sides to run
 * @param operators   the operators to apply
 * @param mutator     the seeded mutant maker
 * @param out         where mutants are written
 * @param workers     mutants validated at once
 * @param progress    told about each mutant once it is judged
 */
public record MutationRun(TraceValidationRequest request, Validation.Mode mode, List<MutationOperator> operators,
                          Mutator mutator, Path out, int workers, Consumer<MutantVerdict> progress) {

    public MutationRun {
        operators = List.copyOf(operators);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        progress = progress == null ? v -> { } : progress;
    }

    /**
     * Runs it. When the original does not conform, no mutant is made (the score has no operator
     * lines and its exit code says why).
     *
     * @throws IOException when the trace cannot be read as JSON lines or a mutant cannot be written
     */
    public MutationScore run() throws IOException {
        ValidationReport original = Validation.run(request, mode);
        if (original.status() != ValidationReport.Status.CONFORMS) {
            return new MutationScore(original, List.of());
        }
        Trace trace = new Trace(TraceDoc.read(request.trace()));
        Files.createDirectories(out);
        List<Mutator.Derived> derived = mutator.deriveAll(trace, operators);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<List<Future<MutantVerdict>>> futures = new ArrayList<>();
            for (Mutator.Derived d : derived) {
                List<Future<MutantVerdict>> fs = new ArrayList<>();
                for (Mutant m : d.mutants()) {
                    Path file = out.resolve(m.fileName());
                    m.trace().write(file);
                    fs.add(pool.submit(() -> judge(m, file)));
                }
                futures.add(fs);
            }
            List<OperatorScore> scores = new ArrayList<>();
            for (int k = 0; k < derived.size(); k++) {
                List<MutantVerdict> vs = new ArrayList<>();
                for (Future<MutantVerdict> f : futures.get(k)) {
                    vs.add(f.get());
                }
                scores.add(new OperatorScore(derived.get(k).operator(), derived.get(k).sites(), vs));
            }
            return new MutationScore(original, scores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("validating a mutant failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private MutantVerdict judge(Mutant m, Path file) {
        ValidationReport r;
        try {
            r = Validation.run(request.withTrace(file).withProgress(null), mode);
        } catch (RuntimeException e) {
            // Nothing was judged: a failure of the validator, never a rejection.
            r = new ValidationReport(file, request.spec(), null, null, null, "validation threw " + e, null);
        }
        MutantVerdict v = new MutantVerdict(m, file, r);
        progress.accept(v);
        return v;
    }
}
