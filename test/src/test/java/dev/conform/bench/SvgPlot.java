package dev.conform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line plot written as a standalone SVG file: axes with ticks, labels, a legend, and one
 * polyline with point marks per series (dashed for expectations from a model). The x axis may be
 * logarithmic (group sizes). Hand-written SVG so the benchmarks need no plotting dependency.
 */
final class SvgPlot {
    private static final int W = 640;
    private static final int H = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 180;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final String note;
    private final List<Series> series = new ArrayList<>();

    private record Series(String name, double[] x, double[] y, boolean dashed) {
    }

    /** A plot; {@code note} (e.g. the machine load and date) is printed under the x label. */
    SvgPlot(String title, String xLabel, String yLabel, boolean logX, String note) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logX = logX;
        this.note = note;
    }

    /** Adds a measured series (solid). */
    SvgPlot line(String name, double[] x, double[] y) {
        series.add(new Series(name, x.clone(), y.clone(), false));
        return this;
    }

    /** Adds a series from a model (dashed). */
    SvgPlot model(String name, double[] x, double[] y) {
        series.add(new Series(name, x.clone(), y.clone(), true));
        return this;
    }

    void write(Path file) throws IOException {
        Files.writeString(file, render());
    }

    String render() {
        double x0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                x0 = Math.min(x0, fx(s.x[i]));
                x1 = Math.max(x1, fx(s.x[i]));
                if (Double.isFinite(s.y[i])) {
                    y1 = Math.max(y1, s.y[i]);
                }
            }
        }
        if (x0 >= x1) {
            x0 = x0 == Double.MAX_VALUE ? 0 : x0 - 1;
            x1 = x0 + 2;
        }
        double yStep = niceStep(y1 > 0 ? y1 : 1);
        y1 = Math.max(yStep, Math.ceil(y1 / yStep) * yStep);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        b.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        text(b, W / 2.0 - RIGHT / 2.0, 22, "middle", 14, title);
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
                LEFT, TOP, pw, ph));
        // y ticks and grid
        for (double v = 0; v <= y1 + yStep / 2; v += yStep) {
            double py = TOP + ph - v / y1 * ph;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, py, LEFT + pw, py));
            text(b, LEFT - 6, py + 4, "end", 11, num(v));
        }
        // x ticks: the distinct x values of the first series (sizes, loss rates)
        double[] ticks = series.isEmpty() ? new double[0] : series.get(0).x;
        for (double v : ticks) {
            double px = LEFT + (fx(v) - x0) / (x1 - x0) * pw;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#444\"/>%n",
                    px, TOP + ph, px, TOP + ph + 5));
            text(b, px, TOP + ph + 18, "middle", 11, num(v));
        }
        text(b, LEFT + pw / 2.0, H - 24, "middle", 12, xLabel + (logX ? " (log scale)" : ""));
        text(b, LEFT + pw / 2.0, H - 8, "middle", 10, note);
        b.append(String.format(Locale.ROOT,
                "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                TOP + ph / 2.0, TOP + ph / 2.0, esc(yLabel)));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            String color = COLORS[k % COLORS.length];
            StringBuilder pts = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.y[i])) {
                    continue;
                }
                double px = LEFT + (fx(s.x[i]) - x0) / (x1 - x0) * pw;
                double py = TOP + ph - s.y[i] / y1 * ph;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                marks.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, color));
            }
            b.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    pts.toString().trim(), color, s.dashed ? " stroke-dasharray=\"6 4\"" : ""));
            if (!s.dashed) {
                b.append(marks);
            }
            double ly = TOP + 10 + k * 20;
            b.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    LEFT + pw + 10, ly, LEFT + pw + 34, ly, color, s.dashed ? " stroke-dasharray=\"6 4\"" : ""));
            text(b, LEFT + pw + 40, ly + 4, "start", 11, s.name);
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private double fx(double x) {
        return logX ? Math.log10(Math.max(x, 1e-9)) : x;
    }

    /** 1, 2 or 5 times a power of ten, giving four to ten ticks up to {@code max}. */
    private static double niceStep(double max) {
        double raw = max / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) < 0.01 ? "%.4f" : "%.2f", v);
    }

    private static void text(StringBuilder b, double x, double y, String anchor, int size, String s) {
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
                x, y, anchor, size, esc(s)));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
