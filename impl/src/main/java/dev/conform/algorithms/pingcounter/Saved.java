package dev.conform.algorithms.pingcounter;

/** What a node persists, and so what a restart gets back: its counter. */
public record Saved(int count) {
}
