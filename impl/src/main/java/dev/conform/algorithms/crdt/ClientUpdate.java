package dev.conform.algorithms.crdt;

/**
 * One client request applied at a replica.
 *
 * @param action TLA+ action name: Increment, Decrement, Assign, Put, Add or Remove
 * @param key    key or element ({@code "register"} for a register; null for counters)
 * @param value  value written (LWW kinds), else null
 * @param amount counter step (counters), else 0
 */
public record ClientUpdate(String action, String key, String value, long amount) {
}
