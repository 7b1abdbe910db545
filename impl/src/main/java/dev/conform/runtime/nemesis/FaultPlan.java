package dev.conform.runtime.nemesis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A fault plan: timed fault events, kept sorted by time (stable for equal times, so the order
 * given is the order applied). Plain data: written to JSON as {@code {"events":[...]}} and into
 * the trace header, so (seed, plan) replays a run exactly.
 */
public record FaultPlan(List<FaultEvent> events) {
    private static final FaultPlan NONE = new FaultPlan(List.of());

    @JsonCreator
    public FaultPlan(@JsonProperty("events") List<FaultEvent> events) {
        List<FaultEvent> sorted = new ArrayList<>(events == null ? List.of() : events);
        sorted.sort(Comparator.comparingLong(FaultEvent::at));
        this.events = List.copyOf(sorted);
    }

    /** The empty plan: no faults. */
    public static FaultPlan none() {
        return NONE;
    }

    public static FaultPlan of(FaultEvent... events) {
        return new FaultPlan(List.of(events));
    }

    /**
     * Throws IllegalArgumentException naming the first event that refers to a node outside
     * {@code servers} (faults apply to servers only; 0 in a link fault means "any").
     */
    public void checkNodes(java.util.Collection<Integer> servers) {
        for (FaultEvent e : events) {
            List<Integer> named = new ArrayList<>();
            if (e instanceof FaultEvent.Crash c) {
                named.add(c.node());
            } else if (e instanceof FaultEvent.Restart r) {
                named.add(r.node());
            } else if (e instanceof FaultEvent.Wipe w) {
                named.add(w.node());
            } else if (e instanceof FaultEvent.Byzantine b) {
                named.add(b.node());
            } else if (e instanceof FaultEvent.Skew k) {
                named.add(k.node());
            } else if (e instanceof FaultEvent.Isolate i) {
                named.add(i.node());
            } else if (e instanceof FaultEvent.Bridge b) {
                named.addAll(b.left());
                named.addAll(b.right());
                named.add(b.bridge());
            } else if (e instanceof FaultEvent.Partition p) {
                p.groups().forEach(named::addAll);
            } else if (e instanceof FaultEvent.LinkFault l) {
                if (l.from() != 0) {
                    named.add(l.from());
                }
                if (l.to() != 0) {
                    named.add(l.to());
                }
            }
            for (int n : named) {
                if (!servers.contains(n)) {
                    throw new IllegalArgumentException("fault plan: " + e.kind() + " at " + e.at()
                            + " names node " + n + ", which is not a server " + servers);
                }
            }
        }
    }

    public int size() {
        return events.size();
    }
}
