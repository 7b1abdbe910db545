package dev.conform.checker.mutate;

import dev.conform.checker.validate.ValidationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutation score of a trace spec and the Java invariants on one conforming trace.
 *
 * @param original  the validation of the trace itself (it must conform)
 * @param operators one line per operator, in catalogue order
 */
public record MutationScore(ValidationReport original, List<OperatorScore> operators) {
    public MutationScore {
        operators = List.copyOf(operators);
    }

    public List<MutantVerdict> accepted() {
        List<MutantVerdict> out = new ArrayList<>();
        operators.forEach(o -> o.verdicts().stream().filter(MutantVerdict::accepted).forEach(out::add));
        return out;
    }

    public List<MutantVerdict> failed() {
        List<MutantVerdict> out = new ArrayList<>();
        operators.forEach(o -> o.verdicts().stream().filter(MutantVerdict::failed).forEach(out::add));
        return out;
    }

    public int mutants() {
        return operators.stream().mapToInt(OperatorScore::mutants).sum();
    }

    /**
     * 1 when a mutant was accepted; 3 when none was but one could not be judged (a tool
     * failure); 2 when the original trace does not conform (it cannot be mutated into wrong
     * traces: they would be wrong already); 0 when every mutant was rejected.
     */
    public int exitCode() {
        if (original.status() != ValidationReport.Status.CONFORMS) {
            return original.status() == ValidationReport.Status.TOOL_FAILURE ? 3 : 2;
        }
        if (!accepted().isEmpty()) {
            return 1;
        }
        return failed().isEmpty() ? 0 : 3;
    }
}
