/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The status page's history: which tables are charted, where marks go, and that a drop is drawn as one. */
class HistoryChartTest {

    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Pattern POLYLINE = Pattern.compile("<polyline[^>]* points=\"([^\"]+)\"");

    @Test
    void aTableThatLostItsRowsIsChartedFirstAndItsLineFallsToTheBottom() {
        HistoryChart history = history(
                Map.of("orders", 5000L, "audit", 90_000L, "tmp", 10L),
                Map.of("orders", 5000L, "audit", 91_000L, "tmp", 0L),
                Map.of("orders", 5001L, "audit", 92_000L, "tmp", 10L),
                Map.of("orders", 40L, "audit", 93_000L, "tmp", 10L));

        assertThat(history.tables(2)).containsExactly("tmp", "orders");
        assertThat(history.tables(3)).containsExactly("tmp", "orders", "audit");
        double[] orders = ys(SvgChart.render("Rows: orders", "#8250df", history.rows("orders"), history, String::valueOf));
        assertThat(orders).hasSize(4);
        assertThat(orders[0]).isEqualTo(orders[1]).isLessThan(orders[3]);
        assertThat(orders[3]).as("40 of 5001 rows: near the baseline").isCloseTo(SvgChart.y(0, 1), org.assertj.core.data
                .Offset.offset(1.0));
        double[] audit = ys(SvgChart.render("Rows: audit", "#8250df", history.rows("audit"), history, String::valueOf));
        assertThat(audit[3]).as("growing: the newest is highest").isLessThan(audit[0]);
    }

    @Test
    void aDroppedTableCountsAsZeroRowsInTheBackupsWithoutIt() {
        HistoryChart history = history(Map.of("orders", 3000L, "lines", 9000L), Map.of("lines", 9100L));

        assertThat(history.rows("orders")).containsExactly(3000, 0);
        assertThat(history.tables(1)).containsExactly("orders");
    }

    @Test
    void drillsMarkTheirBackupAndAFailureSitsBetweenTheBackupsAroundIt() {
        HistoryChart history = history(Map.of("t", 1L), Map.of("t", 1L), Map.of("t", 1L))
                .markBackup("b1", HistoryChart.Kind.DRILL_PASSED, "drill passed")
                .markBackup("b1", HistoryChart.Kind.DRILL_PASSED, "the same drill, read twice: one mark")
                .markBackup("b2", HistoryChart.Kind.DESTRUCTIVE_CHANGE, "destructive change: t: 1 -> 0 rows")
                .markBackup("b1", HistoryChart.Kind.HOLD, "hold active")
                .markTime(START.plus(Duration.ofHours(1).plusMinutes(30)), HistoryChart.Kind.FAILURE, "backup FAILED: <disk>")
                .markBackup("not-shown", HistoryChart.Kind.DRILL_FAILED, "ignored")
                .markTime(START.minusSeconds(1), HistoryChart.Kind.FAILURE, "before the first: ignored");

        assertThat(history.marks()).extracting(HistoryChart.Mark::at).containsExactly(1.0, 2.0, 1.0, 1.5);
        String svg = SvgChart.render("Rows: t", "#8250df", history.rows("t"), history, String::valueOf);
        assertThat(svg).contains("class=\"mark DRILL_PASSED\" x1=\"150.0\"", "class=\"mark FAILURE\" x1=\"220.0\"",
                "class=\"mark DESTRUCTIVE_CHANGE\" x1=\"290.0\"",
                "class=\"mark HOLD\" x1=\"154.0\"",
                "<title>backup FAILED: &lt;disk&gt;</title>").doesNotContain("<disk>", "<script");
    }

    @Test
    void namesAreEscapedAndOneBackupIsDrawnInTheMiddle() {
        HistoryChart history = history(Map.of("<script>alert(1)</script>", 7L));

        String svg = SvgChart.render("Rows: " + history.tables(1).get(0), "#8250df", history.rows(history.tables(1).get(0)),
                history, String::valueOf);

        assertThat(svg).contains("Rows: &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(xs(svg)).containsExactly(SvgChart.WIDTH / 2.0);
    }

    @SafeVarargs
    private static HistoryChart history(Map<String, Long>... rows) {
        List<HistoryChart.Point> points = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            points.add(new HistoryChart.Point("b" + i, START.plus(Duration.ofHours(i)), 1000 + i, Duration.ofSeconds(2),
                    rows[i]));
        }
        return new HistoryChart(points, List.of());
    }

    private static double[] ys(String svg) {
        return coordinates(svg, 1);
    }

    private static double[] xs(String svg) {
        return coordinates(svg, 0);
    }

    private static double[] coordinates(String svg, int which) {
        Matcher polyline = POLYLINE.matcher(svg);
        assertThat(polyline.find()).as(svg).isTrue();
        return Arrays.stream(polyline.group(1).split(" ")).mapToDouble(point -> Double.parseDouble(point.split(",")[which]))
                .toArray();
    }
}
