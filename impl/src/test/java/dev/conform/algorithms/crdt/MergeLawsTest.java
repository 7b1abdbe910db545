package dev.conform.algorithms.crdt;

import dev.conform.runtime.prop.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

/** Every CRDT's merge is a join, over 2,000 seeded random executions per law. */
class MergeLawsTest {
    private static final int TRIALS = 2_000;
    private static final List<CrdtModel<?>> MODELS = List.of(CrdtModel.G_COUNTER, CrdtModel.PN_COUNTER,
        CrdtModel.LWW_REGISTER, CrdtModel.LWW_MAP, CrdtModel.OR_SET);

    @TestFactory
    List<DynamicTest> everyLawForEveryCrdt() {
        List<DynamicTest> tests = new ArrayList<>();
        long seed = 20_26_11_25L;
        for (CrdtModel<?> model : MODELS) {
            for (MergeLaws law : MergeLaws.values()) {
                long s = seed++;
                tests.add(DynamicTest.dynamicTest(model.name() + " " + law, () ->
                    Property.assertHolds(model.name() + " " + law, s, TRIALS, History.arbitrary(24),
                        h -> law.holdsAfter(model, h))));
            }
        }
        return tests;
    }
}
