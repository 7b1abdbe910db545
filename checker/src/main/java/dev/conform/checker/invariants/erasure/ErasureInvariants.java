package dev.conform.checker.invariants.erasure;

import dev.conform.checker.invariants.Invariant;
import dev.conform.checker.invariants.InvariantSet;
import dev.conform.checker.invariants.StateFolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java invariants of {@code erasure} traces, by the names of specs/erasure, over the state
 * {@link ErasureFolder} rebuilds:
 * <ul>
 * <li>{@code ReadLatest}: a completed read returns the value of the version it decoded, which is
 *     no older than the newest write acknowledged before the read started (or a concurrent one);</li>
 * <li>{@code NoMixedRead}: every CompleteRead and RepairShard decodes from k shards of one
 *     version, the version it reads or repairs;</li>
 * <li>{@code RepairExact}: a repaired shard is byte for byte the shard the write sent for that
 *     (key, version, index), and no storage node stores a version below its committed one;</li>
 * <li>{@code Durable}: while at most W - k storage nodes lost their disks, every key's committed
 *     version is held by at least k storage nodes;</li>
 * <li>{@code ReadCompleted}, {@code ShardRepaired} (sometimes): a read decoded a written version,
 *     a repair rebuilt a shard, so runs that exercise neither fail the gate's coverage.</li>
 * </ul>
 * The set models disk loss ({@link #diskLoss()}): wipes of storage nodes are accepted.
 */
public final class ErasureInvariants implements InvariantSet<ErasureTraceState> {
    /** Handler actions and the message type each consumes (as the trace spec's NetConsume). */
    static final Map<String, Set<String>> HANDLERS = Map.of(
            "StartWrite", Set.of("ClientRequest"),
            "AnswerFromSession", Set.of("ClientRequest"),
            "StartRead", Set.of("ClientRequest"),
            "HandleStoreAck", Set.of("StoreAck"),
            "HandleShard", Set.of("ShardReply"),
            "HandleStore", Set.of("Store"),
            "HandleFetch", Set.of("Fetch"),
            "HandleCommit", Set.of("Commit"));

    /** Every action of the coordinator in specs/erasure. */
    static final Set<String> COORDINATOR_ACTIONS = Set.of("StartWrite", "AnswerFromSession", "HandleStoreAck", "AckWrite",
            "StartRead", "HandleShard", "CompleteRead", "StartRepair", "RepairShard");

    /** Message type -> the actions that send it (a server's send is judged against its last action). */
    static final Map<String, Set<String>> SENDERS = Map.of(
            "Store", Set.of("StartWrite", "RepairShard"),
            "Commit", Set.of("AckWrite"),
            "Fetch", Set.of("StartRead", "StartRepair"),
            "ClientReply", Set.of("AckWrite", "AnswerFromSession", "CompleteRead"),
            "StoreAck", Set.of("HandleStore"),
            "ShardReply", Set.of("HandleFetch"));

    @Override
    public String algorithm() {
        return "erasure";
    }

    @Override
    public StateFolder<ErasureTraceState> folder() {
        return new ErasureFolder();
    }

    @Override
    public List<Invariant<ErasureTraceState>> invariants() {
        return List.of(
                Invariant.always("ReadLatest", ErasureTraceState::readLatest),
                Invariant.always("NoMixedRead", ErasureTraceState::noMixedRead),
                Invariant.always("RepairExact", ErasureTraceState::repairExact),
                Invariant.always("Durable", ErasureTraceState::durable),
                Invariant.sometimes("ReadCompleted", st -> st.readCompleted),
                Invariant.sometimes("ShardRepaired", st -> st.shardRepaired));
    }

    @Override
    public Map<String, Set<String>> consumers() {
        return HANDLERS;
    }

    @Override
    public boolean diskLoss() {
        return true;
    }
}
