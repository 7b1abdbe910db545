package dev.conform.checker.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code conform check SPEC --config CFG} resolves to. */
class ModelPairTest {
    @TempDir
    Path dir;

    @Test
    void aConfigNamedRelativeToTheSpecsFolderIsFound() throws Exception {
        Path spec = Files.writeString(dir.resolve("MCFoo.tla"), "---- MODULE MCFoo ----\n====\n");
        Path other = Files.writeString(dir.resolve("MCFooLive.cfg"), "INIT Init\n");
        ModelPair p = ModelPair.resolve(spec, Path.of("MCFooLive.cfg"));
        assertEquals(other.toAbsolutePath().normalize(), p.config());
        assertEquals(other.toAbsolutePath().normalize(), ModelPair.resolve(dir, Path.of("MCFooLive.cfg")).config());
    }

    @Test
    void aConfigThatIsNoCfgIsBadInput() throws Exception {
        Path spec = Files.writeString(dir.resolve("MCFoo.tla"), "---- MODULE MCFoo ----\n====\n");
        Path txt = Files.writeString(dir.resolve("MCFoo.txt"), "INIT Init\n");
        TlcInputException e = assertThrows(TlcInputException.class, () -> ModelPair.resolve(spec, txt));
        assertTrue(e.getMessage().contains("not a model config (a .cfg file)"), e.getMessage());
        assertThrows(TlcInputException.class, () -> ModelPair.resolve(dir, Path.of("MCFoo.txt")));
    }
}
