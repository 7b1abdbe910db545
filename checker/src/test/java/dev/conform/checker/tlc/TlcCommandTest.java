package dev.conform.checker.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line built for TLC, without running it. */
class TlcCommandTest {

    @Test
    void commandCarriesEveryRequestSetting() {
        Path spec = Fixtures.spec("ok/Counter.tla");
        Path lib = Fixtures.spec("withlib/lib");
        TlcRequest req = TlcRequest.builder(spec).workers(2).libraryPath(lib)
                .systemProperty("conform.trace", "/t/trace.ndjson").classpathEntry(Path.of("/x/overrides"))
                .jvmOption("-Xmx1g").tlcArgument("-deadlock").build();
        List<String> cmd = TlcRunner.command(req, Path.of("/j/tla2tools.jar"), Path.of("/m"));
        int main = cmd.indexOf("tlc2.TLC");
        assertTrue(cmd.subList(0, main).containsAll(List.of("-XX:+UseParallelGC", "-Xmx1g",
                "-DTLA-Library=" + lib, "-Dconform.trace=/t/trace.ndjson", "-cp",
                "/j/tla2tools.jar" + File.pathSeparator + "/x/overrides")), cmd.toString());
        assertEquals(List.of("tlc2.TLC", "-tool", "-metadir", "/m", "-workers", "2", "-config",
                spec.resolveSibling("Counter.cfg").toString(), "-deadlock", spec.toString()), cmd.subList(main, cmd.size()));
    }

    @Test
    void everyRunGetsItsOwnTmpdirUnlessTheCallerSetsOne() {
        TlcRequest req = TlcRequest.builder(Fixtures.spec("ok/Counter.tla")).build();
        List<String> cmd = TlcRunner.command(req, Path.of("/j.jar"), Path.of("/m"));
        assertTrue(cmd.subList(0, cmd.indexOf("tlc2.TLC")).contains("-Djava.io.tmpdir=" + Path.of("/m", "tmp")),
                cmd.toString());
        TlcRequest own = TlcRequest.builder(Fixtures.spec("ok/Counter.tla")).systemProperty("java.io.tmpdir", "/t").build();
        List<String> cmd2 = TlcRunner.command(own, Path.of("/j.jar"), Path.of("/m"));
        assertEquals(1, cmd2.stream().filter(a -> a.startsWith("-Djava.io.tmpdir=")).count(), cmd2.toString());
        assertTrue(cmd2.contains("-Djava.io.tmpdir=/t"));
    }

    @Test
    void callersCollectorReplacesTheDefault() {
        TlcRequest req = TlcRequest.builder(Fixtures.spec("ok/Counter.tla")).jvmOption("-XX:+UseG1GC").build();
        List<String> cmd = TlcRunner.command(req, Path.of("/j.jar"), Path.of("/m"));
        assertFalse(cmd.contains("-XX:+UseParallelGC"), cmd.toString());
        assertTrue(cmd.contains("-XX:+UseG1GC"));
    }

    @Test
    void parserReportsMessagesAsFramesClose() {
        List<TlcMessage> seen = new java.util.ArrayList<>();
        TlcOutputParser p = new TlcOutputParser(seen::add);
        p.accept("@!@!@STARTMSG 2262:0 @!@!@");
        p.accept("TLC2 Version 2.18 of 20 March 2023");
        assertTrue(seen.isEmpty());
        p.accept("@!@!@ENDMSG 2262 @!@!@");
        assertEquals(List.of(new TlcMessage(2262, 0, "TLC2 Version 2.18 of 20 March 2023", 0)), seen);
        assertEquals("TLC2 Version 2.18 of 20 March 2023", TlcRunner.version(p.messages()));
    }
}
