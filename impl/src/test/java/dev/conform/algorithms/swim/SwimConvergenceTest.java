package dev.conform.algorithms.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.runtime.Algorithm;
import dev.conform.runtime.NetSemantics;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import dev.conform.runtime.StopCondition;
import dev.conform.runtime.nemesis.Intensity;
import dev.conform.runtime.nemesis.PlanGenerator;
import dev.conform.runtime.sim.SimConfig;
import dev.conform.runtime.sim.Simulator;
import dev.conform.tracing.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stop condition that resumes from its last failing check answers, after every step of chaos
 * runs (crashes, restarts, partitions, a joiner and a leaver), exactly what a fresh one answers by
 * scanning every check from the start; and it does answer both ways.
 */
class SwimConvergenceTest {
    @Test
    void resumingFromTheWitnessAnswersAsAFreshScanAfterEveryStep() {
        int[] answers = new int[2];
        for (long seed = 1; seed <= 12; seed++) {
            for (Options o : List.of(Options.empty().with("rounds", 4),
                    Options.empty().with("rounds", 4).with("joiners", 1).with("leaveAt", 3))) {
                int servers = 3 + (int) (seed % 4);
                Compared algo = new Compared(answers);
                List<Integer> ids = new ArrayList<>();
                for (int i = 1; i <= servers; i++) {
                    ids.add(i);
                }
                SimConfig cfg = SimConfig.of(servers, seed).withNet(NetSemantics.UNRELIABLE).withMaxSteps(20_000)
                        .withOptions(o);
                new Simulator<>(algo, cfg, PlanGenerator.generate(seed, ids, 400, Intensity.HIGH), TraceSink.noop()).run();
            }
        }
        assertTrue(answers[0] > 1000 && answers[1] >= 12, "false " + answers[0] + " times, true " + answers[1] + " times");
    }

    /** swim, whose stop condition checks the resuming answer against a fresh scan at every step. */
    private static final class Compared implements Algorithm<SwimMessage> {
        private final SwimAlgorithm inner = new SwimAlgorithm();
        private final int[] answers;

        Compared(int[] answers) {
            this.answers = answers;
        }

        @Override
        public StopCondition<SwimMessage> stopCondition(Options options) {
            int rounds = options.getInt("rounds", 20);
            SwimConvergence resuming = new SwimConvergence(rounds);
            return cluster -> {
                boolean done = resuming.done(cluster);
                assertEquals(new SwimConvergence(rounds).done(cluster), done, "at step " + cluster.steps());
                answers[done ? 1 : 0]++;
                return done;
            };
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Class<SwimMessage> messageType() {
            return inner.messageType();
        }

        @Override
        public Node<SwimMessage> create(int id, List<Integer> servers, Object persisted, Options options) {
            return inner.create(id, servers, persisted, options);
        }

        @Override
        public Class<?> persistedType() {
            return inner.persistedType();
        }

        @Override
        public Set<String> optionKeys() {
            return inner.optionKeys();
        }

        @Override
        public Map<String, String> flaws() {
            return inner.flaws();
        }

        @Override
        public NetSemantics defaultNet() {
            return inner.defaultNet();
        }

        @Override
        public Options resolveOptions(Options options, long seed) {
            return inner.resolveOptions(options, seed);
        }
    }
}
