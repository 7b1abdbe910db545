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
        String[] parts = value.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a client command: " + value);
        }
        try {
            return new ClientCommand(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a client command: " + value, e);
        }
    }
}
