/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.page;

import dev.planb.internal.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Renders the status page: per plan its state, last success, failure and verification (with the
 * recovery time), next run, its recent backups with size and age, and its history: inline SVG
 * charts of the stored size, the duration and each table's row count over the last
 * {@value #HISTORY} backups, with destructive changes, holds, drills and failures marked, so a table that lost its rows is seen
 * at a glance. Plain HTML, CSS and SVG, no JavaScript. The starter serves it at {@code planb.status-page.path}, {@code planb run --http} at
 * {@code /}.
 *
 * <pre>{@code
 * String html = new StatusPage(new PlanReports(planB, Clock.systemUTC())).render();
 * }</pre>
 */
public final class StatusPage {

    private static final int RECENT = 10;
    /** How many backups the history charts show: what fits a glance, and a bounded number of manifests read. */
    static final int HISTORY = 30;
    /** At most this many tables get a row-count chart: the ones that lost most of their rows first. */
    static final int TABLE_CHARTS = 12;
    static final String SIZE_COLOUR = "#0969da";
    static final String DURATION_COLOUR = "#bf8700";
    static final String ROWS_COLOUR = "#8250df";

    private final PlanReports reports;

    /**
     * A page of the runtime's plans.
     *
     * @param reports what the page shows
     */
    public StatusPage(PlanReports reports) {
        this.reports = reports;
    }

    /** {@return the whole page: one HTML document with its CSS and SVG inline, no JavaScript} */


    public String render() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>PlanB backups</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
                table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
                .IDLE{color:#1a7f37}.RUNNING{color:#0969da}.STALE,.DAMAGED,.down{color:#cf222e;font-weight:bold}.DESTRUCTIVE_CHANGE{color:#bc4c00;font-weight:bold}
                .charts{display:flex;flex-wrap:wrap;gap:1rem}.chart{margin:0}.chart figcaption{font-size:.9rem}
                .axis{font-size:10px;fill:#555}.legend span{margin-right:1rem}
                </style></head><body><h1>PlanB backups</h1>
                """);
        for (Map<String, Object> plan : reports.reports(RECENT)) {
            renderPlan(html, plan);
        }
        return html.append("</body></html>\n").toString();
    }

    private void renderPlan(StringBuilder html, Map<String, Object> plan) {
        String state = String.valueOf(plan.get("state"));
        html.append("<section class=\"plan\"><h2>Plan ").append(text(plan.get("plan")))
                .append(" <span class=\"").append(text(state)).append("\">").append(text(state)).append("</span></h2>\n<table>");
        row(html, "Last success", describeBackup(plan.get("lastSuccess")));
        row(html, "Last failure", plan.get("lastFailure") instanceof Map<?, ?> failure
                ? failure.get("time") + ": " + failure.get("message") : "none");
        row(html, "Last verification", describeVerification(plan.get("lastVerification")));
        row(html, "Next run", plan.getOrDefault("nextRun", "not scheduled"));
        row(html, "Max age", plan.getOrDefault("maxAge", "not watched"));
        html.append("</table>\n<h3>Recent backups</h3>\n<table class=\"backups\"><tr><th>Backup</th><th>Time</th>"
                + "<th>Age</th><th>Size</th></tr>");
        if (plan.get("recentBackups") instanceof List<?> backups) {
            for (Object item : backups) {
                Map<?, ?> backup = (Map<?, ?>) item;
                html.append("<tr><td>").append(text(backup.get("id"))).append("</td><td>").append(text(backup.get("time")))
                        .append("</td><td>").append(text(backup.get("age"))).append("</td><td>")
                        .append(text(size((Long) backup.get("storedBytes")))).append("</td></tr>");
            }
        }
        html.append("</table>\n");
        renderHistory(html, reports.history(String.valueOf(plan.get("plan")), HISTORY));
        html.append("</section>\n");
    }

    private static void renderHistory(StringBuilder html, HistoryChart history) {
        html.append("<h3>History (last ").append(history.backups().size()).append(" backups, oldest left)</h3>\n");
        if (history.backups().isEmpty()) {
            html.append("<p>No backups yet.</p>\n");
            return;
        }
        html.append("<p class=\"legend\">");
        for (HistoryChart.Kind kind : HistoryChart.Kind.values()) {
            html.append("<span style=\"color:").append(kind.colour).append("\">&#9482; ")
                    .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append("</span>");
        }
        html.append("</p>\n<div class=\"charts\">");
        html.append(SvgChart.render("Stored size", SIZE_COLOUR, history.backups().stream()
                .mapToDouble(HistoryChart.Point::storedBytes).toArray(), history, bytes -> size((long) bytes)));
        html.append(SvgChart.render("Duration", DURATION_COLOUR, history.backups().stream()
                .mapToDouble(point -> point.duration().toMillis()).toArray(), history,
                millis -> Durations.format(Duration.ofMillis((long) millis))));
        List<String> tables = history.tables(TABLE_CHARTS);
        for (String table : tables) {
            html.append(SvgChart.render("Rows: " + table, ROWS_COLOUR, history.rows(table), history,
                    rows -> String.format(java.util.Locale.ROOT, "%,d", (long) rows)));
        }
        html.append("</div>\n");
        int more = (int) history.backups().stream().flatMap(point -> point.rows().keySet().stream()).distinct().count()
                - tables.size();
        if (more > 0) {
            html.append("<p>").append(more).append(" more table(s) not charted.</p>\n");
        }
    }

    private static String describeBackup(Object backup) {
        if (!(backup instanceof Map<?, ?> success)) {
            return "none yet";
        }
        return success.get("id") + " (" + success.get("age") + " ago, " + size((Long) success.get("storedBytes")) + ")";
    }

    private static String describeVerification(Object verification) {
        if (!(verification instanceof Map<?, ?> last)) {
            return "none yet";
        }
        String outcome = Boolean.TRUE.equals(last.get("passed")) ? "passed" : "FAILED " + last.get("problems");
        Object recovery = last.get("recoveryTime");
        return last.get("time") + ": " + outcome + (recovery == null ? "" : ", recovery time " + recovery);
    }

    private static void row(StringBuilder html, String label, Object value) {
        html.append("<tr><th>").append(text(label)).append("</th><td>").append(text(value)).append("</td></tr>");
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(java.util.Locale.ROOT, "%.1f %sB", bytes / (double) (1L << (unit * 10)), "KMGTPE".charAt(unit - 1));
    }

    private static String text(Object value) {
        return Html.text(value);
    }
}
