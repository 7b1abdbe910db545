package dev.conform.checker.tlc;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of the small specs under src/test/resources/tlc. */
final class Fixtures {
    private Fixtures() {
    }

    static Path spec(String relative) {
        URL url = Fixtures.class.getResource("/tlc/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no test resource tlc/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
