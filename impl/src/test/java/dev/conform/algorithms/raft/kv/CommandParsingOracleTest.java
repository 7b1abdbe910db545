package dev.conform.algorithms.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.conform.algorithms.raft.ClientCommand;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The command parsers avoid regular expressions (they run for every applied entry); these
 * oracle tests compare them with the split-based parsing they replaced on generated texts.
 */
class CommandParsingOracleTest {
    private static final String[] PIECES = {"put", "get", "cas", "append", "-", "k1", "v", "", " ", "  ", "\t", ":", "7",
        "-3", "x:y", "99999999999", "\u00e9"};

    @Test
    void kvCommandParsesLikeSplitOnSpaceRuns() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int i = 0; i < 20_000; i++) {
            String text = text(rnd);
            assertEquals(reference(text), outcome(() -> KvCommand.parse(text)), "'" + text + "'");
        }
    }

    @Test
    void clientCommandDecodesLikeSplitWithLimit() {
        SplittableRandom rnd = new SplittableRandom(19);
        for (int i = 0; i < 20_000; i++) {
            String text = text(rnd);
            assertEquals(referenceDecode(text), outcome(() -> ClientCommand.decode(text)), "'" + text + "'");
        }
    }

    private static String text(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(7); k > 0; k--) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            if (rnd.nextInt(3) > 0) {
                sb.append(rnd.nextBoolean() ? " " : ":");
            }
        }
        return sb.toString();
    }

    private static String outcome(java.util.function.Supplier<Object> parse) {
        try {
            return String.valueOf(parse.get());
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String reference(String text) {
        String[] t = text.trim().split(" +");
        if (t.length == 3 && t[0].equals("put")) {
            return KvCommand.put(t[1], t[2]).toString();
        }
        if (t.length == 2 && t[0].equals("get")) {
            return KvCommand.get(t[1]).toString();
        }
        if (t.length == 3 && t[0].equals("append")) {
            return KvCommand.append(t[1], t[2]).toString();
        }
        if (t.length == 4 && t[0].equals("cas")) {
            return KvCommand.cas(t[1], t[2].equals(KvCommand.ABSENT) ? null : t[2], t[3]).toString();
        }
        return "error: not a key-value command: '" + text + "'";
    }

    private static String referenceDecode(String value) {
        String[] parts = value.split(":", 3);
        if (parts.length != 3) {
            return "error: not a client command: " + value;
        }
        try {
            return new ClientCommand(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2]).toString();
        } catch (NumberFormatException e) {
            return "error: not a client command: " + value;
        }
    }
}
