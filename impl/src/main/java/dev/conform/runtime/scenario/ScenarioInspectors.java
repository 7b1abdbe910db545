package dev.conform.runtime.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Finds the {@link ScenarioInspector} of an algorithm by name. Inspectors are registered for
 * {@link ServiceLoader} in {@code META-INF/services/dev.conform.runtime.scenario.ScenarioInspector}.
 */
public final class ScenarioInspectors {
    private ScenarioInspectors() {
    }

    /** Every registered inspector. */
    @SuppressWarnings("rawtypes")
    public static List<ScenarioInspector<?>> all() {
        List<ScenarioInspector<?>> out = new ArrayList<>();
        for (ScenarioInspector i : ServiceLoader.load(ScenarioInspector.class)) {
            out.add(i);
        }
        return out;
    }

    /** The inspector of algorithm {@code name}; IllegalArgumentException listing the known ones. */
    public static ScenarioInspector<?> forAlgorithm(String name) {
        TreeSet<String> known = new TreeSet<>();
        for (ScenarioInspector<?> i : all()) {
            if (i.algorithm().name().equals(name)) {
                return i;
            }
            known.add(i.algorithm().name());
        }
        throw new IllegalArgumentException("no scenario support for algorithm '" + name + "'; known: "
                + String.join(", ", known));
    }
}
