package dev.conform.checker.tlc;

import java.time.Duration;
import java.util.regex.Matcher;

/** The latest statistics TLC reported while running (written by the output thread). */
final class LatestProgress {
    private volatile Long distinct;
    private volatile Long generated;
    private volatile Long queue;
    private volatile Long distinctPerMinute;

    void update(String text) {
        Matcher m = TlcPatterns.PROGRESS_TEXT.matcher(text);
        if (m.find()) {
            generated = TlcPatterns.number(m.group(1));
            distinctPerMinute = TlcPatterns.number(m.group(4));
            distinct = TlcPatterns.number(m.group(3));
            queue = TlcPatterns.number(m.group(5));
        }
    }

    TlcProgress at(Duration elapsed) {
        return new TlcProgress(elapsed, distinct, generated, queue, distinctPerMinute);
    }
}
