package dev.conform.checker.mutate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives mutants from a conforming trace: for every operator, up to {@code perOperator} of its
 * sites chosen by a random generator seeded with {@code seed} and the operator's name, so the same
 * trace and seed give the same mutants.
 */
public final class Mutator {
    private final long seed;
    private final int perOperator;

    public Mutator(long seed, int perOperator) {
        if (perOperator < 1) {
            throw new IllegalArgumentException("mutants per operator must be at least 1, got " + perOperator);
        }
        this.seed = seed;
        this.perOperator = perOperator;
    }

    /** The operator's sites, and the mutants made at the chosen ones. */
    public record Derived(MutationOperator operator, int sites, List<Mutant> mutants) {
    }

    public Derived derive(Trace t, MutationOperator op) {
        List<Integer> sites = new ArrayList<>(op.sites(t));
        SplittableRandom rnd = new SplittableRandom(seed * 31 + op.name().hashCode());
        for (int i = sites.size() - 1; i > 0; i--) {
            Collections.swap(sites, i, rnd.nextInt(i + 1));
        }
        List<Integer> chosen = new ArrayList<>(sites.subList(0, Math.min(perOperator, sites.size())));
        Collections.sort(chosen);
        List<Mutant> out = new ArrayList<>();
        for (int s : chosen) {
            out.add(op.apply(t, s, out.size() + 1));
        }
        return new Derived(op, sites.size(), out);
    }

    public List<Derived> deriveAll(Trace t, List<MutationOperator> ops) {
        List<Derived> out = new ArrayList<>();
        for (MutationOperator op : ops) {
            out.add(derive(t, op));
        }
        return out;
    }
}
