package dev.conform.checker.linearizability;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sequential specifications a history is checked against. Every model's state is one value
 * (a string, null while absent) per key; they differ in the operations they accept and in whether
 * keys are independent objects.
 *
 * <ul>
 *   <li>{@link #REGISTER}: one register, read and write.</li>
 *   <li>{@link #CAS_REGISTER}: one register, read, write and compare-and-set.</li>
 *   <li>{@link #KV}: a map of independent registers, get (read), put (write), append and
 *   compare-and-set, checked one key at a time: linearizability is local (Herlihy and Wing), so a
 *   history is linearizable exactly when each key's sub-history is (P-compositionality, Horn and
 *   Kroening), and a search over ten keys of a thousand operations each is far cheaper than one
 *   over ten thousand.</li>
 * </ul>
 */
public enum Model {
    REGISTER(EnumSet.of(Operation.Kind.READ, Operation.Kind.WRITE), false),
    CAS_REGISTER(EnumSet.of(Operation.Kind.READ, Operation.Kind.WRITE, Operation.Kind.CAS), false),
    KV(EnumSet.allOf(Operation.Kind.class), true);

    /** The state {@link #step} answers when the operation cannot take effect in that state. */
    static final String ILLEGAL = new String("illegal step");

    private final Set<Operation.Kind> kinds;
    private final boolean byKey;

    Model(Set<Operation.Kind> kinds, boolean byKey) {
        this.kinds = kinds;
        this.byKey = byKey;
    }

    /** The model's name on the command line: register, cas-register, kv. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The model named {@code name} on the command line, or null. */
    public static Model byName(String name) {
        for (Model m : values()) {
            if (m.cliName().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** Whether the model has this operation. */
    public boolean accepts(Operation.Kind kind) {
        return kinds.contains(kind);
    }

    /** Whether keys are independent objects, checked one at a time. */
    public boolean byKey() {
        return byKey;
    }

    /**
     * The state after {@code op} takes effect in {@code state}, or {@link #ILLEGAL} (compared by
     * identity) when what the operation saw contradicts that state. An operation with unknown
     * outcome saw nothing, so it can always take effect.
     */
    static String step(String state, Operation op) {
        boolean known = !op.pending();
        return switch (op.kind()) {
            case READ -> !known || same(state, op.result()) ? state : ILLEGAL;
            case WRITE -> op.value();
            case APPEND -> state == null ? op.value() : state + op.value();
            case CAS -> {
                boolean match = same(state, op.expected());
                if (known && match != "true".equals(op.result())) {
                    yield ILLEGAL;
                }
                yield match ? op.value() : state;
            }
        };
    }

    static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
