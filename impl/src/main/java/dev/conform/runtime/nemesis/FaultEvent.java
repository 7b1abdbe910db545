package dev.conform.runtime.nemesis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One timed fault. {@code at} is the logical time (ticks) at which it takes effect. Written to
 * JSON with a {@code "type"} field naming the kind, e.g.
 * {@code {"type":"crash","at":40,"node":2}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FaultEvent.Partition.class, name = "partition"),
    @JsonSubTypes.Type(value = FaultEvent.Isolate.class, name = "isolate"),
    @JsonSubTypes.Type(value = FaultEvent.Bridge.class, name = "bridge"),
    @JsonSubTypes.Type(value = FaultEvent.Ring.class, name = "ring"),
    @JsonSubTypes.Type(value = FaultEvent.Heal.class, name = "heal"),
    @JsonSubTypes.Type(value = FaultEvent.LinkFault.class, name = "link"),
    @JsonSubTypes.Type(value = FaultEvent.Crash.class, name = "crash"),
    @JsonSubTypes.Type(value = FaultEvent.Restart.class, name = "restart"),
    @JsonSubTypes.Type(value = FaultEvent.Skew.class, name = "skew"),
    @JsonSubTypes.Type(value = FaultEvent.Wipe.class, name = "wipe"),
    @JsonSubTypes.Type(value = FaultEvent.Byzantine.class, name = "byzantine"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface FaultEvent {
    long at();

    /** The name written in traces ({@code action} of a fault event). */
    String kind();

    /**
     * Splits the cluster: nodes in different groups cannot reach each other; nodes listed in no
     * group form one more group together. Replaces any earlier partition.
     */
    record Partition(long at, List<List<Integer>> groups) implements FaultEvent {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }

        @Override
        public String kind() {
            return "partition";
        }
    }

    /** Cuts {@code node} off from everyone else. Replaces any earlier partition. */
    record Isolate(long at, int node) implements FaultEvent {
        @Override
        public String kind() {
            return "isolate";
        }
    }

    /**
     * Two sides that cannot reach each other, and one bridge node that reaches both (the
     * non-transitive partition). Nodes in neither side nor bridge join side {@code left}.
     */
    record Bridge(long at, List<Integer> left, List<Integer> right, int bridge) implements FaultEvent {
        public Bridge {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }

        @Override
        public String kind() {
            return "bridge";
        }
    }

    /** Every server reaches only its two neighbours in the ring of ascending ids. */
    record Ring(long at) implements FaultEvent {
        @Override
        public String kind() {
            return "ring";
        }
    }

    /** Ends every partition (link rates set by {@link LinkFault} stay). */
    record Heal(long at) implements FaultEvent {
        @Override
        public String kind() {
            return "heal";
        }
    }

    /**
     * Changes the link {@code from -> to} (0 = any node on that end). Rates are whole percentages
     * in [0,100] (traces hold integers only); {@code delayMin}/{@code delayMax} (ticks) replace the run's base delay when positive.
     * Loss, duplication and reordering apply to unreliable networks only. All-zero values restore
     * the link's defaults.
     */
    record LinkFault(long at, int from, int to, int loss, int duplicate, int reorder,
                     long delayMin, long delayMax) implements FaultEvent {
        public LinkFault {
            if (loss < 0 || loss > 100 || duplicate < 0 || duplicate > 100 || reorder < 0 || reorder > 100) {
                throw new IllegalArgumentException("link rates are percentages in 0..100");
            }
        }

        @Override
        public String kind() {
            return "link";
        }
    }

    /** Crashes {@code node}: volatile state, timers and messages in flight to it are lost. */
    record Crash(long at, int node) implements FaultEvent {
        @Override
        public String kind() {
            return "crash";
        }
    }

    /** Restarts a crashed {@code node} from its persisted state only (no-op when it is up). */
    record Restart(long at, int node) implements FaultEvent {
        @Override
        public String kind() {
            return "restart";
        }
    }

    /**
     * Loses the disk of the crashed {@code node}: what it persisted is erased, so its next restart
     * starts it from nothing. Takes effect only while the node is down (no-op when it is up, as a
     * restart of a running node is). Recorded as a {@code fault} event on the node, so a trace
     * spec that does not model disk loss rejects it.
     */
    record Wipe(long at, int node) implements FaultEvent {
        @Override
        public String kind() {
            return "wipe";
        }
    }

    /**
     * Skews {@code node}'s clock: timer durations are multiplied by {@code ratePercent / 100} and
     * {@link dev.conform.runtime.Context#localTime()} advances at that rate from its reading at
     * {@code at} plus {@code offset}. Rate 100 and offset 0 stop skewing (the offset already
     * applied stays, as a real clock's would).
     */
    record Skew(long at, int node, int ratePercent, long offset) implements FaultEvent {
        @Override
        public String kind() {
            return "skew";
        }
    }

    /**
     * Makes server {@code node} Byzantine from {@code at} on: its handlers still run the honest
     * code and record their actions and states, but what it sends goes through the algorithm's
     * {@link dev.conform.runtime.Adversary}, which may show any of {@code behaviours} (names the
     * algorithm defines, {@link dev.conform.runtime.Algorithm#byzantineBehaviours()}). Recorded as
     * a {@code fault} event on the node. A plan is refused for more Byzantine servers than the
     * algorithm tolerates ({@link dev.conform.runtime.Algorithms#checkPlan}).
     */
    record Byzantine(long at, int node, List<String> behaviours) implements FaultEvent {
        public Byzantine {
            behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
        }

        @Override
        public String kind() {
            return "byzantine";
        }
    }
}
