package dev.conform.checker.mutate;

import java.util.List;

/**
 * One operator's line of the score.
 *
 * @param operator the operator
 * @param sites    how many places of the trace it applies to
 * @param verdicts one per mutant made
 */
public record OperatorScore(MutationOperator operator, int sites, List<MutantVerdict> verdicts) {
    public OperatorScore {
        verdicts = List.copyOf(verdicts);
    }

    public int mutants() {
        return verdicts.size();
    }

    public long badInput() {
        return verdicts.stream().filter(MutantVerdict::badInput).count();
    }

    public long tlcRejected() {
        return verdicts.stream().filter(MutantVerdict::tlcRejected).count();
    }

    public long tlcAccepted() {
        return verdicts.stream().filter(MutantVerdict::tlcAccepted).count();
    }

    public long tlcUndecided() {
        return verdicts.stream().filter(MutantVerdict::tlcUndecided).count();
    }

    public long javaRejected() {
        return verdicts.stream().filter(MutantVerdict::javaRejected).count();
    }

    public long javaAccepted() {
        return verdicts.stream().filter(MutantVerdict::javaAccepted).count();
    }

    public long accepted() {
        return verdicts.stream().filter(MutantVerdict::accepted).count();
    }

    public long failed() {
        return verdicts.stream().filter(MutantVerdict::failed).count();
    }
}
