package dev.conform.checker.invariants.swim;

/**
 * SWIM's update precedence (the paper's section 4.2, as specs/swim's {@code Overrides}), judged
 * from traces: the checker never depends on the node's code, so this is the judge's own statement
 * of the rule, not a copy used by the implementation.
 */
final class Precedence {
    static final int ABSENT = 0;
    static final int ALIVE = 1;
    static final int SUSPECT = 2;
    static final int DEAD = 3;
    static final int LEFT = 4;
    private static final String[] NAMES = {"absent", "alive", "suspect", "dead", "left"};

    private Precedence() {
    }

    /**
     * Whether update {@code (s, i)} replaces entry {@code (cur, curInc)}: anything replaces an absent
     * entry and nothing an equal one; Alive(i) replaces any entry below i; Suspect(i) a Suspect below
     * i and an Alive at most i; Dead(i) an Alive or Suspect at most i and a Dead or Left below i;
     * Left(i) an Alive, Suspect or Dead at most i and a Left below i.
     */
    static boolean overrides(int cur, int curInc, int s, int i) {
        if (cur == ABSENT) {
            return true;
        }
        return switch (s) {
            case ALIVE -> i > curInc;
            case SUSPECT -> cur == SUSPECT ? i > curInc : cur == ALIVE && i >= curInc;
            case DEAD -> cur == ALIVE || cur == SUSPECT ? i >= curInc : i > curInc;
            case LEFT -> cur == LEFT ? i > curInc : i >= curInc;
            default -> false;
        };
    }

    /** The status named {@code name} (not "absent"), or -1. */
    static int status(Object name) {
        for (int b = ALIVE; b <= LEFT; b++) {
            if (NAMES[b].equals(name)) {
                return b;
            }
        }
        return -1;
    }

    static String name(int status) {
        return NAMES[status];
    }
}
