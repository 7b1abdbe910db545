package dev.conform.checker.linearizability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client history: operations with invocation and completion times (see {@link Operation}),
 * read from a file by {@link HistoryReader} or built by a caller (the gate builds one from a
 * parsed trace with {@link TraceHistory}).
 *
 * @param source     what it was read from, for reports
 * @param operations the operations, ids 0, 1, ... in invocation order
 */
public record History(String source, List<Operation> operations) {
    public History {
        operations = List.copyOf(operations);
    }

    /** The operations of each key, in key order of first appearance (one group when not by key). */
    Map<String, List<Operation>> partitions(Model model) {
        Map<String, List<Operation>> out = new LinkedHashMap<>();
        for (Operation o : operations) {
            out.computeIfAbsent(model.byKey() ? String.valueOf(o.key()) : "", k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    /** Operations whose outcome is unknown. */
    public long pendingCount() {
        return operations.stream().filter(Operation::pending).count();
    }
}
