/**
 * The HTML report of a trace ({@code conform report}). {@link dev.conform.cli.report.ReportData}
 * reads the trace (rejecting a malformed one at file:line:column) and writes it as JSON;
 * {@link dev.conform.cli.report.HtmlReport} inlines that JSON, {@code report.css} and {@code
 * report.js} (resources beside these classes) into {@code report.html}, one file that opens with
 * no network. The drawing, the layouts (Lamport clock, causal past), filters and the diagnosis
 * panel are in {@code report.js}; its browser tests are {@code ReportBrowserTest}. {@link
 * dev.conform.cli.report.FailureReport} is the page {@code validate}, {@code explore} and {@code
 * gate --report DIR} write for a failing run; the gate's summary page is {@code gate.GateReportPage}.
 */
package dev.conform.cli.report;
