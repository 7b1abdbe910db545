package dev.conform.checker.tlc;

import java.time.Duration;

/**
 * A progress report while TLC runs. TLC 2.18 reports statistics once a minute, so the counts are
 * those of its latest report (null before the first); {@code elapsed} is always current.
 */
public record TlcProgress(Duration elapsed, Long distinctStates, Long statesGenerated, Long queueLeft,
        Long distinctPerMinute) {
}
