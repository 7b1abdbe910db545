package dev.conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/adding-an-algorithm.md is tested by its example: every path it names exists, and the
 * commands of its "Try it" block run as it says (run, validate by TLC and Java, gate, and the gate
 * catching the teaching flaw).
 */
@Tag("tlc")
@Tag("process")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AddingAnAlgorithmGuideTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path GUIDE = ROOT.resolve("docs/adding-an-algorithm.md");

    @TempDir
    Path tmp;

    @Test
    void everyFileTheGuideNamesExists() throws Exception {
        Matcher m = Pattern.compile("`((?:impl|checker|specs|tools|docs)/[^`*]+)`").matcher(Files.readString(GUIDE));
        int paths = 0;
        while (m.find()) {
            Path p = ROOT.resolve(m.group(1).replace("/.../", "/"));
            if (!m.group(1).contains("<algo>") && !m.group(1).contains("...")) {
                assertTrue(Files.exists(p), "the guide names " + m.group(1) + ", which does not exist");
                paths++;
            }
        }
        assertTrue(paths >= 10, "the guide names " + paths + " files");
    }

    @Test
    void theTryItCommandsDoWhatTheGuideSays() throws Exception {
        List<List<String>> commands = tryIt();
        assertEquals(4, commands.size(), "the Try it block: " + commands);
        int[] expected = {0, 0, 0, 1};
        for (int i = 0; i < commands.size(); i++) {
            CliRun r = CliRun.of(localize(commands.get(i)).toArray(String[]::new));
            assertEquals(expected[i], r.exit(), String.join(" ", commands.get(i)) + "\n" + r.out() + r.err());
            if (i == 1) {
                assertTrue(r.out().contains("TLC") && r.out().contains("CONFORMS"), r.out());
                assertTrue(r.out().contains("ok   NotAhead"), r.out());
            }
            if (i == 3) {
                assertTrue(r.out().contains("flaw forget-count caught"), r.out());
            }
        }
    }

    /** The commands of the guide's "Try it" block, without the leading ./conform. */
    private static List<List<String>> tryIt() throws Exception {
        String text = Files.readString(GUIDE);
        String block = text.substring(text.indexOf("## Try it"));
        block = block.substring(block.indexOf("```") + 3);
        block = block.substring(0, block.indexOf("```"));
        List<List<String>> out = new ArrayList<>();
        for (String line : block.strip().split("\n")) {
            List<String> words = List.of(line.strip().split("\\s+"));
            assertEquals("./conform", words.get(0), line);
            out.add(words.subList(1, words.size()));
        }
        return out;
    }

    /** Paths of the repository made absolute, the trace put in a temporary folder, gates on one worker. */
    private List<String> localize(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(a.startsWith("specs/") ? ROOT.resolve(a).toString()
                    : a.equals("run.ndjson") ? tmp.resolve(a).toString() : a);
        }
        if (out.get(0).equals("gate")) {
            out.addAll(List.of("--specs", ROOT.resolve("specs").toString(), "--workers", "1",
                    "--runs", tmp.resolve("runs-" + out.size()).toString()));
        }
        return out;
    }
}
