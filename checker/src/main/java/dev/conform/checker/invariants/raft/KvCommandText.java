package dev.conform.checker.invariants.raft;

/**
 * A Raft log entry's value read as a key-value client command {@code client:seq:op}, with
 * {@code op} one of {@code put K V}, {@code get K}, {@code cas K E N}, {@code append K V} ({@code E = "-"}: K is
 * absent), split at runs of spaces after trimming, as the implementation's store reads it. Kind
 * {@code bad}: an op the store cannot read (it answers an error); {@code invalid}: no client
 * command at all. The one reading of entry values for TLC (KvStore.tla's KvCommand) and the Java
 * replay.
 */
public record KvCommandText(int client, int seq, String kind, String key, String val, String exp, String op) {
    public static final KvCommandText INVALID = new KvCommandText(0, 0, "invalid", "", "", "", "");

    public static KvCommandText parse(String value) {
        int a = value.indexOf(':');
        int b = a < 0 ? -1 : value.indexOf(':', a + 1);
        if (b < 0) {
            return INVALID;
        }
        int client;
        int seq;
        try {
            client = Integer.parseInt(value.substring(0, a));
            seq = Integer.parseInt(value.substring(a + 1, b));
        } catch (NumberFormatException e) {
            return INVALID;
        }
        if (client < 0 || seq < 0 || !value.substring(0, b + 1).equals(client + ":" + seq + ":")) {
            return INVALID;
        }
        String op = value.substring(b + 1);
        String trimmed = op.trim();
        String[] t = trimmed.isEmpty() ? new String[] {""} : trimmed.split(" +");
        if (t.length == 3 && t[0].equals("put")) {
            return new KvCommandText(client, seq, "put", t[1], t[2], "", op);
        }
        if (t.length == 3 && t[0].equals("append")) {
            return new KvCommandText(client, seq, "append", t[1], t[2], "", op);
        }
        if (t.length == 2 && t[0].equals("get")) {
            return new KvCommandText(client, seq, "get", t[1], "", "", op);
        }
        if (t.length == 4 && t[0].equals("cas")) {
            return new KvCommandText(client, seq, "cas", t[1], t[3], t[2], op);
        }
        return new KvCommandText(client, seq, "bad", "", "", "", op);
    }
}
