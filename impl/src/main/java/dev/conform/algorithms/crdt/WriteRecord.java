package dev.conform.algorithms.crdt;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a last-writer-wins write knew when it was made: enough for a checker to decide whether a
 * causally later write was lost.
 *
 * <p>{@code pred} is the timestamp of the write this one overwrites at its replica (its causal
 * predecessor for the key); {@code deps} summarises all client updates that happened before it.
 * A correct clock gives {@code ts > pred}, so {@code applied} is true; a write that is absorbed
 * at birth ({@code applied == false}) although it causally follows {@code pred} is the lost
 * update of physical-clock LWW under skew.
 *
 * @param node    writer
 * @param seq     the writer's update number, from 1
 * @param key     key written ({@code "register"} for a plain register)
 * @param value   value written
 * @param ts      the write's timestamp
 * @param pred    timestamp of the value it overwrote at its replica, or null if none
 * @param deps    per replica, the number of updates seen by the writer before this one
 * @param applied whether the write is visible at its own replica right after it was made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WriteRecord(int node, long seq, String key, String value, Timestamp ts, Timestamp pred,
                          SortedMap<Integer, Long> deps, boolean applied) {
    public WriteRecord {
        deps = new TreeMap<>(deps);
    }

    /** True when this write follows its predecessor causally but does not win over it. */
    public boolean lostCausallyLaterWrite() {
        return pred != null && !applied;
    }
}
