package dev.conform.cli.gate;

import java.util.Locale;

/** How much chaos and trace validation the gate spends per algorithm (keys of gate.json's budgets). */
public enum Budget {
    QUICK, DEFAULT, SOAK;

    /** The key used in gate.json ({@code quick}, {@code default}, {@code soak}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
