package dev.conform.algorithms.swim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.conform.algorithms.swim.SwimMessage.Update;
import dev.conform.runtime.ClusterView;
import dev.conform.runtime.EffectLog;
import dev.conform.runtime.Node;
import dev.conform.runtime.Options;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stop condition: converged views once the rounds are done, never a cluster that is merely all down. */
class SwimStopConditionTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);
    private final SwimAlgorithm algo = new SwimAlgorithm();
    private final Options opts = algo.resolveOptions(Options.empty().with("rounds", 1), 1);

    private static ClusterView<SwimMessage> cluster(Map<Integer, SwimNode> up) {
        return new ClusterView<>() {
            @Override
            public List<Integer> servers() {
                return THREE;
            }

            @Override
            public List<Integer> clients() {
                return List.of();
            }

            @Override
            public Node<SwimMessage> node(int id) {
                return up.get(id);
            }

            @Override
            public long now() {
                return 0;
            }

            @Override
            public long steps() {
                return 0;
            }
        };
    }

    /** A member that has done one round (its probe answered). */
    private SwimNode probed(int id) {
        SwimNode n = (SwimNode) algo.create(id, THREE, null, opts);
        EffectLog<SwimMessage> ctx = new EffectLog<>(id, THREE);
        ctx.start(n);
        ctx.fire(n, SwimNode.PROBE);
        return n;
    }

    @Test
    void convergedViewsAfterTheRoundsStop() {
        Map<Integer, SwimNode> up = new HashMap<>();
        for (int id : THREE) {
            up.put(id, probed(id));
        }
        assertTrue(algo.stopCondition(opts).done(cluster(up)));
    }

    @Test
    void aDownMemberMustBeDeadInEveryLiveView() {
        Map<Integer, SwimNode> up = new HashMap<>();
        up.put(1, probed(1));
        up.put(2, probed(2));
        assertFalse(algo.stopCondition(opts).done(cluster(up)), "3 is down but alive in 1's and 2's views");
        for (int id : List.of(1, 2)) {
            EffectLog<SwimMessage> ctx = new EffectLog<>(id, THREE);
            up.get(id).onMessage(ctx, 3 - id, new SwimMessage.Ping(9, List.of(new Update(3, "dead", 0))));
        }
        // (no Confirm needed for the stop condition: it reads the views as they are)
        assertTrue(algo.stopCondition(opts).done(cluster(up)));
    }

    @Test
    void aClusterThatIsAllDownHasNotConverged() {
        assertFalse(algo.stopCondition(opts).done(cluster(Map.of())));
    }
}
