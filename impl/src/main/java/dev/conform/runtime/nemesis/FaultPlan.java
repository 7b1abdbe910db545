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

    public int size() {
        return events.size();
    }
}
