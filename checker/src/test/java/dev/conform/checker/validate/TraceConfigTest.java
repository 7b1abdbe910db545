package dev.conform.checker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceConfigTest {
    @Test
    void keepsConstantsConstraintsAndViewButNotTheVerdictSections(@TempDir Path tmp) throws Exception {
        Path cfg = Files.writeString(tmp.resolve("T.cfg"), String.join("\n",
                "\\* a comment naming INVARIANT Nope",
                "CONSTANTS Server <- TraceServers",
                "    Send <- TraceSend",
                "INIT MyInit",
                "NEXT MyNext",
                "INVARIANT TypeOK TraceNotFinished",
                "INVARIANT Safety",
                "CONSTRAINT Bound TraceEndMarker",
                "VIEW TraceView",
                "SYMMETRY Perms",
                "CHECK_DEADLOCK TRUE", ""));
        TraceConfig c = TraceConfig.read(cfg);
        assertEquals("MyInit", c.init());
        assertEquals("MyNext", c.next());
        assertEquals(List.of("TypeOK", "Safety"), c.invariants());
        String out = c.render("GenInit", "GenNext", c.invariants(), List.of("ConformEnd"));
        assertTrue(out.contains("Server <- TraceServers"), out);
        assertTrue(out.contains("Send <- TraceSend"), out);
        assertTrue(out.contains("CONSTRAINT\nBound\n"), out);
        assertTrue(out.contains("VIEW\nTraceView\n"), out);
        assertTrue(out.contains("CONSTRAINT ConformEnd\n"), out);
        assertTrue(out.contains("INIT GenInit\nNEXT GenNext\n"), out);
        assertTrue(out.contains("INVARIANT TypeOK\nINVARIANT Safety\n"), out);
        assertTrue(out.endsWith("CHECK_DEADLOCK FALSE\n"), out);
        assertFalse(out.contains("TraceEndMarker"), out);
        assertFalse(out.contains("TraceNotFinished"), out);
        assertFalse(out.contains("Nope"), out);
        assertFalse(out.contains("SYMMETRY"), out);
        assertFalse(out.contains("CHECK_DEADLOCK TRUE"), out);
    }
}
