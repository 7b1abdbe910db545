package dev.conform.algorithms.raft;

/**
 * A client command as stored in a log entry's value: {@code clientId:seq:op}. The state machine
 * reads the client id and sequence number to apply a retried command only once.
 */
public record ClientCommand(int clientId, long seq, String op) {

    public String encode() {
        return clientId + ":" + seq + ":" + op;
    }

    /** Parses an entry value written by {@link #encode()}. */
    public static ClientCommand decode(String value) {
        // indexOf instead of split: every applied entry is decoded, on the simulator's hot path
        int a = value.indexOf(':');
        int b = a < 0 ? -1 : value.indexOf(':', a + 1);
        if (b < 0) {
            throw new IllegalArgumentException("not a client command: " + value);
        }
        try {
            return new ClientCommand(Integer.parseInt(value, 0, a, 10), Long.parseLong(value, a + 1, b, 10),
                    value.substring(b + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a client command: " + value, e);
        }
    }
}
