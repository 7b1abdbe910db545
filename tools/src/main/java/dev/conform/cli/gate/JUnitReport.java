package dev.conform.cli.gate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes gate outcomes as JUnit XML: one file per suite (spec folder), one testcase per check. */
final class JUnitReport {
    private JUnitReport() {
    }

    static void write(Path dir, List<GateOutcome> outcomes) throws IOException {
        Files.createDirectories(dir);
        Map<String, List<GateOutcome>> bySuite = new LinkedHashMap<>();
        for (GateOutcome o : outcomes) {
            bySuite.computeIfAbsent(o.suite(), k -> new java.util.ArrayList<>()).add(o);
        }
        for (Map.Entry<String, List<GateOutcome>> e : bySuite.entrySet()) {
            Files.writeString(dir.resolve("TEST-conform-gate-" + e.getKey() + ".xml"), xml(e.getKey(), e.getValue()),
                    StandardCharsets.UTF_8);
        }
    }

    static String xml(String suite, List<GateOutcome> outcomes) {
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "conform.gate." + suite);
            w.writeAttribute("tests", Integer.toString(outcomes.size()));
            w.writeAttribute("failures", Long.toString(outcomes.stream().filter(o -> !o.passed()).count()));
            w.writeAttribute("errors", "0");
            w.writeAttribute("time", secs(outcomes.stream().mapToLong(o -> o.time().toMillis()).sum()));
            for (GateOutcome o : outcomes) {
                w.writeCharacters("\n  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "conform.gate." + suite);
                w.writeAttribute("name", o.name());
                w.writeAttribute("time", secs(o.time().toMillis()));
                if (!o.passed()) {
                    w.writeStartElement("failure");
                    w.writeAttribute("type", o.verdict());
                    w.writeAttribute("message", o.detail() == null ? o.verdict() : o.detail());
                    w.writeCharacters(o.verdict() + (o.detail() == null ? "" : "\n" + o.detail()));
                    w.writeEndElement();
                } else if (o.detail() != null) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(o.detail());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString() + "\n";
    }

    private static String secs(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
