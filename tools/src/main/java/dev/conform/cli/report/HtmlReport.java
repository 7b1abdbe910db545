package dev.conform.cli.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes one self-contained HTML page: {@code report.html} with {@code report.css}, {@code
 * report.js} and the trace's data ({@link ReportData}) inlined. No network access, no CDN: the
 * page opens from a file in any browser.
 */
public final class HtmlReport {
    private static final String CSS = "/*@CSS@*/";
    private static final String JS = "/*@JS@*/";
    private static final String DATA = "@DATA@";

    private HtmlReport() {
    }

    /** Writes the report of {@code trace} (and its {@code validation}, or null) to {@code out}. */
    public static ReportData.Summary write(Path trace, Object validation, Writer out) throws IOException {
        String page = resource("report.html");
        int css = page.indexOf(CSS);
        int js = page.indexOf(JS);
        int data = page.indexOf(DATA);
        if (css < 0 || js < 0 || data < 0 || !(css < data && data < js)) {
            throw new IllegalStateException("report.html lacks its placeholders in the order css, data, js");
        }
        out.write(page, 0, css);
        out.write(resource("report.css"));
        out.write(page, css + CSS.length(), data - css - CSS.length());
        ReportData.Summary summary = ReportData.write(trace, validation, new ScriptSafe(out));
        out.write(page, data + DATA.length(), js - data - DATA.length());
        out.write(resource("report.js"));
        out.write(page, js + JS.length(), page.length() - js - JS.length());
        return summary;
    }

    /**
     * Writes the report of {@code trace} to the file {@code target}, whole or not at all: the page
     * goes to a sibling {@code .tmp} file first and replaces {@code target} only once {@code accept}
     * (which may throw to refuse it) has seen what the trace held.
     *
     * @throws dev.conform.tracing.io.TraceFormatException when the trace is malformed
     */
    public static ReportData.Summary writeFile(Path trace, Object validation, Path target,
            Consumer<ReportData.Summary> accept) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        boolean done = false;
        try {
            ReportData.Summary summary;
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                summary = write(trace, validation, w);
            }
            accept.accept(summary);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            return summary;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * JSON inside a {@code <script>} element: every {@code <} becomes {@code \u003c}, so no string
     * in the trace can close the element ({@code </script>}) or open a comment. In JSON a {@code <}
     * only occurs inside strings, where the escape means the same character.
     */
    static final class ScriptSafe extends FilterWriter {
        ScriptSafe(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (c == '<') {
                out.write("\\u003c");
            } else {
                out.write(c);
            }
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '<') {
                    out.write(buf, start, i - start);
                    out.write("\\u003c");
                    start = i + 1;
                }
            }
            out.write(buf, start, off + len - start);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            write(s.toCharArray(), off, len);
        }

        @Override
        public void close() throws IOException {
            flush(); // the page goes on after the data
        }
    }
}
