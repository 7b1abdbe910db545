package dev.conform.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps {@link SwimScaleBench} compiling and its output sound at tiny sizes (not a timed test):
 * every part runs, every plot is well-formed SVG (the JDK's XML parser) with a drawn line per
 * series, a crash is detected and known to every live member, and a loss-free network with the
 * bench's timing declares no live member dead.
 */
class SwimScaleBenchTest {
    @Test
    void everyPartRunsAndEveryPlotIsWellFormedSvg(@TempDir Path dir) throws Exception {
        SwimScaleBench.Settings s = SwimScaleBench.Settings.parse(new String[] {dir.toString(), "sizes=12,24",
            "fpSize=16", "fpPeriods=12", "loss=0,20", "costSize=16", "costPeriods=4", "seed=3"});
        List<Path> plots = SwimScaleBench.run(dir, s);
        assertEquals(List.of("detection.svg", "dissemination.svg", "time-to-all.svg", "heap-per-member.svg",
                "false-positives.svg"), plots.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : plots) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(p));
            assertEquals("svg", doc.getDocumentElement().getTagName(), p.toString());
            NodeList lines = doc.getElementsByTagName("polyline");
            assertTrue(lines.getLength() >= 2, p + ": " + lines.getLength() + " series");
            for (int i = 0; i < lines.getLength(); i++) {
                String points = ((Element) lines.item(i)).getAttribute("points");
                assertFalse(points.isBlank(), p + ": a series without points");
            }
        }
    }

    @Test
    void aCrashIsKnownToAllAndNoLossMeansNoFalseDeath() {
        SwimScaleBench.Detection d = SwimScaleBench.detection(24, 5, false);
        assertTrue(d.settled(), "not every live member learned the crashes");
        assertTrue(d.suspect() > 0 && d.suspect() <= d.dead() && d.dead() <= d.allDead(), d.toString());
        SwimWatch quiet = SwimScaleBench.falsePositives(24, 5, 30, 0, false, 0);
        assertEquals(0, quiet.deaths.size(), "a live member was declared dead on a loss-free network");
    }
}
