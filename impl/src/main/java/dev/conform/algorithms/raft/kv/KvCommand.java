package dev.conform.algorithms.raft.kv;

/**
 * A key-value command in its text form, the {@code op} of a client request:
 * {@code put KEY VALUE}, {@code get KEY}, {@code cas KEY EXPECTED NEW} or {@code append KEY VALUE}
 * (VALUE is concatenated to the key's value; an absent key counts as empty). Keys and values are
 * tokens without spaces; in {@code cas}, {@code -} as EXPECTED means "the key is absent".
 */
public record KvCommand(Kind kind, String key, String value, String expected) {

    /** The operations of the store. */
    public enum Kind {
        PUT, GET, CAS, APPEND
    }

    /** Token standing for "no value" in a compare-and-set. */
    public static final String ABSENT = "-";

    public static KvCommand put(String key, String value) {
        return new KvCommand(Kind.PUT, key, value, null);
    }

    public static KvCommand get(String key) {
        return new KvCommand(Kind.GET, key, null, null);
    }

    public static KvCommand append(String key, String value) {
        return new KvCommand(Kind.APPEND, key, value, null);
    }

    public static KvCommand cas(String key, String expected, String value) {
        return new KvCommand(Kind.CAS, key, value, expected);
    }

    public String encode() {
        switch (kind) {
            case PUT:
                return "put " + key + " " + value;
            case GET:
                return "get " + key;
            case APPEND:
                return "append " + key + " " + value;
            default:
                return "cas " + key + " " + (expected == null ? ABSENT : expected) + " " + value;
        }
    }

    /** Parses the text form; throws IllegalArgumentException naming the bad command. */
    public static KvCommand parse(String text) {
        String[] t = tokens(text.trim());
        if (t.length == 3 && t[0].equals("put")) {
            return put(t[1], t[2]);
        }
        if (t.length == 2 && t[0].equals("get")) {
            return get(t[1]);
        }
        if (t.length == 3 && t[0].equals("append")) {
            return append(t[1], t[2]);
        }
        if (t.length == 4 && t[0].equals("cas")) {
            return cas(t[1], t[2].equals(ABSENT) ? null : t[2], t[3]);
        }
        throw new IllegalArgumentException("not a key-value command: '" + text + "'");
    }

    /** {@code s.split(" +")} for a trimmed {@code s}, without compiling a regex per command. */
    private static String[] tokens(String s) {
        String[] out = new String[4];
        int count = 0;
        int n = s.length();
        int i = 0;
        do {
            int j = s.indexOf(' ', i);
            if (j < 0) {
                j = n;
            }
            if (count == out.length) {
                out = java.util.Arrays.copyOf(out, count * 2);
            }
            out[count++] = s.substring(i, j);
            i = j;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        } while (i < n);
        return count == out.length ? out : java.util.Arrays.copyOf(out, count);
    }

    @Override
    public String toString() {
        return encode();
    }
}
