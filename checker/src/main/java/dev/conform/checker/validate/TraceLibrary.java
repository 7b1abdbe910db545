package dev.conform.checker.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The TLA+ trace library (specs/lib) bundled in the checker jar, written out for TLC. */
final class TraceLibrary {
    static final List<String> MODULES = List.of("TraceInput.tla", "TraceValidation.tla", "TraceIndex.tla", "TraceSeq.tla",
            "TraceNet.tla", "TraceStates.tla", "KvStore.tla");

    private TraceLibrary() {
    }

    /** Copies the library modules into {@code dir} (TLC finds them next to the root module). */
    static void writeTo(Path dir) throws IOException {
        for (String m : MODULES) {
            try (InputStream in = TraceLibrary.class.getResourceAsStream("/dev/conform/checker/tla/lib/" + m)) {
                if (in == null) {
                    throw new IOException("the checker jar lacks its TLA+ library module " + m);
                }
                Files.copy(in, dir.resolve(m), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
