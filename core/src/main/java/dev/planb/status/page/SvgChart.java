/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * One small line chart as inline SVG, no JavaScript: a series of values over a plan's recent backups
 * (oldest left), drawn from zero so a drop shows as a drop, with vertical marks for what happened
 * (drills, failures) and a tooltip on every point.
 */
final class SvgChart {

    static final int WIDTH = 300;
    static final int HEIGHT = 110;
    private static final int LEFT = 10;
    private static final int RIGHT = 10;
    private static final int TOP = 18;
    private static final int BOTTOM = 10;
    private static final int MARK_SPACING = 4;

    private SvgChart() {
    }

    /**
     * The chart.
     *
     * @param title what is charted, e.g. {@code Rows: orders}
     * @param colour the line's colour
     * @param values one value per backup of {@code history}, oldest first
     * @param format how a value is written in labels and tooltips
     */
    static String render(String title, String colour, double[] values, HistoryChart history, DoubleFunction<String> format) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"chart\"><figcaption>").append(Html.text(title)).append("</figcaption>")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.text(title + ": " + summary(values, format)))
                .append("\">");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"12\" class=\"axis\">max ").append(Html.text(format.apply(max)))
                .append("</text>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#bbb\"/>");
        List<HistoryChart.Mark> drawn = new ArrayList<>();
        for (HistoryChart.Mark mark : history.marks()) {
            // Marks on the same backup (a drill and a hold) stand side by side rather than on top of each other.
            long before = drawn.stream().filter(other -> other.at() == mark.at()).count();
            drawn.add(mark);
            String x = number(x(mark.at(), values.length) + MARK_SPACING * before);
            svg.append("<line class=\"mark ").append(mark.kind().name()).append("\" x1=\"").append(x).append("\" y1=\"")
                    .append(TOP - 4).append("\" x2=\"").append(x).append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"").append(mark.kind().colour).append("\" stroke-width=\"2\" stroke-dasharray=\"4 3\">")
                    .append("<title>").append(Html.text(mark.label())).append("</title></line>");
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String x = number(x(i, values.length));
            String y = number(y(values[i], max));
            points.append(i == 0 ? "" : " ").append(x).append(',').append(y);
            dots.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" fill=\"").append(colour)
                    .append("\"><title>").append(Html.text(history.backups().get(i).id() + ": " + format.apply(values[i])))
                    .append("</title></circle>");
        }
        svg.append("<polyline class=\"series\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2.5\" points=\"").append(points).append("\"/>").append(dots);
        return svg.append("</svg></figure>").toString();
    }

    /** Where backup {@code at} (0 = oldest; fractions between two) is drawn, of {@code count}. */
    static double x(double at, int count) {
        double width = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + width / 2 : LEFT + at * width / (count - 1);
    }

    /** Where {@code value} is drawn, zero at the bottom and {@code max} at the top. */
    static double y(double value, double max) {
        double height = HEIGHT - TOP - BOTTOM;
        return max <= 0 ? HEIGHT - BOTTOM : TOP + height - value / max * height;
    }

    private static String summary(double[] values, DoubleFunction<String> format) {
        if (values.length == 0) {
            return "no backups";
        }
        return "from " + format.apply(values[0]) + " to " + format.apply(values[values.length - 1]);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
