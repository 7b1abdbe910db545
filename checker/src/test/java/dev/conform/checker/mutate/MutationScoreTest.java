package dev.conform.checker.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.checker.invariants.Coverage;
import dev.conform.checker.invariants.ReplayResult;
import dev.conform.checker.validate.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exit code of a mutation run follows the reports {@code conform validate} gives each mutant. */
class MutationScoreTest {
    private static final Path T = Path.of("t.ndjson");

    private static ReplayResult java(boolean conforms) {
        return new ReplayResult("x", 3, List.of(), new Coverage(Map.of(), Map.of()),
                conforms ? null : new ReplayResult.Failure(null, null, 2, 3, "event 2 cannot happen"));
    }

    private static ValidationReport report(Boolean javaConforms) {
        return new ValidationReport(T, null, "x", null, javaConforms == null ? null : java(javaConforms),
                javaConforms == null ? "validation threw" : null, null);
    }

    private static MutationScore score(ValidationReport original, ValidationReport... mutants) {
        Mutant m = new Mutant("deliver-unsent", 1, 2, "lie", null);
        List<MutantVerdict> vs = java.util.Arrays.stream(mutants).map(r -> new MutantVerdict(m, T, r)).toList();
        return new MutationScore(original, List.of(new OperatorScore(MessageOperators.DELIVER_UNSENT, 5, vs)));
    }

    @Test
    void everyMutantRejectedIsZero() {
        assertEquals(0, score(report(true), report(false), report(false)).exitCode());
    }

    @Test
    void anAcceptedMutantIsOne() {
        MutationScore s = score(report(true), report(false), report(true), report(null));
        assertEquals(1, s.exitCode());
        assertEquals(1, s.accepted().size());
        assertEquals(1, s.operators().get(0).accepted());
        assertEquals(1, s.operators().get(0).javaRejected());
        assertEquals(1, s.operators().get(0).failed());
    }

    @Test
    void aMutantNobodyJudgedIsAToolFailureNeverARejection() {
        assertEquals(3, score(report(true), report(false), report(null)).exitCode());
    }

    @Test
    void aTraceThatDoesNotConformCannotBeMutated() {
        assertEquals(2, score(report(false)).exitCode());
        assertEquals(2, score(ValidationReport.badInput(T, "t.ndjson:1:1: no header")).exitCode());
        assertEquals(3, score(report(null)).exitCode());
    }
}
