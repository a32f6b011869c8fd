/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.PostgresServer;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page's history, as served by {@code planb run --http} and drawn by a real headless Chromium: after most
 * of a table's rows are deleted, its row-count chart falls, in the SVG and on screen, with the destructive change
 * marked on the backup that saw it and the hold on the one before.
 */
class StatusPageChartBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The row-count charts' colour (StatusPage.ROWS_COLOUR), #8250df. */
    private static final int[] ROWS_RGB = {0x82, 0x50, 0xdf};
    private static final Pattern ROWS_CHART = Pattern.compile(
            "<figcaption>Rows: orders</figcaption>.*?<polyline[^>]* points=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void theRowCountChartShowsTheDropAfterADelete() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The status page chart test needs Chromium: apt-get install -y chromium");
        }
        PostgresServer server = PostgresServer.shared();
        DatabaseSource database = server.newDatabase();
        execute(server, database, "create table orders(id int primary key, item text)",
                "insert into orders select i, 'item ' || i from generate_series(1, 3000) i");
        Path backups = dir.resolve("backups");
        Path config = Files.writeString(dir.resolve("planb.yml"), """
                plans:
                  app:
                    database: { url: "%s", username: %s, password-file: %s }
                    schedule: 1d
                    destinations: [ { uri: "%s" } ]
                """.formatted(database.jdbcUrl(), PostgresServer.USER,
                Files.writeString(dir.resolve("pgpw"), server.password()), backups));
        backup(config);
        backup(config);
        Cli.Result drill = Cli.run("verify", "--config", config.toString(), "--plan", "app");
        assertThat(drill.exitCode()).as(drill.err()).isZero();
        execute(server, database, "delete from orders where id > 100");
        Cli.Result scheduled = Cli.run("run", "--config", config.toString(), "--once"); // the runtime's change watch
        assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();

        RunningPlanB run = RunningPlanB.start(dir, List.of(), Map.of(), "run", "--config", config.toString(), "--http",
                RunningPlanB.freeAddress());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> run.saw("status on http://"));
            String page = run.get("/").body();

            Matcher chart = ROWS_CHART.matcher(page);
            assertThat(chart.find()).as(page).isTrue();
            double[] ys = Arrays.stream(chart.group(1).split(" ")).mapToDouble(point -> Double.parseDouble(point.split(",")[1]))
                    .toArray();
            assertThat(ys).as("three backups: 3000, 3000, then 100 rows").hasSize(3);
            assertThat(ys[0]).isEqualTo(ys[1]);
            assertThat(ys[2] - ys[0]).as("the newest point is far lower").isGreaterThan(60);
            assertThat(page).contains("class=\"mark DRILL_PASSED\" x1=\"150.0\"", "<title>drill passed at ",
                    "class=\"mark HOLD\" x1=\"154.0\"", "class=\"mark DESTRUCTIVE_CHANGE\" x1=\"290.0\"",
                    "<title>destructive change: orders: 3000 -&gt; 100 rows");

            BufferedImage screenshot = screenshot(run.uri("/").toString());
            TreeMap<Integer, Integer> topmostByColumn = topmostPixelsOfColour(screenshot, ROWS_RGB);
            assertThat(topmostByColumn).as("the row-count line is drawn").hasSizeGreaterThan(100);
            int left = topmostByColumn.firstKey();
            int right = topmostByColumn.lastKey();
            int width = right - left;
            double before = average(topmostByColumn.subMap(left, left + width / 3));
            double after = average(topmostByColumn.tailMap(right - 4));
            assertThat(after - before).as("on screen, the line ends %s px lower than it starts", after - before)
                    .isGreaterThan(50);
        } finally {
            run.stop();
        }
    }

    private static void backup(Path config) {
        Cli.Result backup = Cli.run("backup", "--config", config.toString(), "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
    }

    private static void execute(PostgresServer server, DatabaseSource database, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, server.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** The page as headless Chromium draws it, 1280 px wide. */
    private BufferedImage screenshot(String url) throws Exception {
        Path png = dir.resolve("page.png");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1280,2400",
                "--user-data-dir=" + dir.resolve("chromium"), "--screenshot=" + png, url)
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();
        return ImageIO.read(png.toFile());
    }

    /** For each pixel column holding {@code rgb} (give or take anti-aliasing), the row of its topmost such pixel. */
    private static TreeMap<Integer, Integer> topmostPixelsOfColour(BufferedImage image, int[] rgb) {
        TreeMap<Integer, Integer> topmost = new TreeMap<>();
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int pixel = image.getRGB(x, y);
                if (Math.abs((pixel >> 16 & 0xff) - rgb[0]) < 24 && Math.abs((pixel >> 8 & 0xff) - rgb[1]) < 24
                        && Math.abs((pixel & 0xff) - rgb[2]) < 24) {
                    topmost.put(x, y);
                    break;
                }
            }
        }
        return topmost;
    }

    private static double average(Map<Integer, Integer> values) {
        return values.values().stream().mapToInt(Integer::intValue).average().orElseThrow();
    }
}
