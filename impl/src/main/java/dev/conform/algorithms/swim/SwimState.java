package dev.conform.algorithms.swim;

/**
 * What a SWIM member persists: its own incarnation, so a restarted member rejoins above every
 * incarnation anyone may have suspected or declared dead, and never reuses one.
 */
public record SwimState(int inc) {
}
