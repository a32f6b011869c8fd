/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.planb.PlanB;

/** The status page in a real headless Chromium: it lists the plan and its backups, and renders. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planb.schedule=1d", "planb.status-page.enabled=true"})
class StatusPageBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + folder.resolve("db/orders"));
        registry.add("planb.destinations[0].uri", () -> folder.resolve("backups").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    PlanB planB;

    @Test
    void showsThePlanAndItsBackups() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The status page test needs Chromium and its driver: apt-get install -y chromium chromium-driver");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> planB.status("app").orElseThrow().lastSuccess().isPresent());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1024,768",
                "--user-data-dir=" + Files.createTempDirectory(folder, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.get("http://127.0.0.1:" + port + "/planb");
            assertThat(browser.getTitle()).isEqualTo("PlanB backups");
            WebElement plan = browser.findElement(By.cssSelector("section.plan h2"));
            assertThat(plan.getText()).contains("Plan app").contains("IDLE");
            String newest = planB.status("app").orElseThrow().lastSuccess().orElseThrow().id().toString();
            assertThat(browser.findElement(By.cssSelector("table.backups")).getText()).contains(newest);
            BufferedImage screenshot = ImageIO.read(new ByteArrayInputStream(browser.getScreenshotAs(OutputType.BYTES)));
            assertThat(screenshot.getWidth()).isGreaterThan(500);
            assertThat(distinctColoursIn(screenshot, plan.getRect().getX(), plan.getRect().getY(),
                    plan.getRect().getWidth(), plan.getRect().getHeight()))
                    .as("the plan's heading is drawn (not a blank area)").isGreaterThan(2);
        } finally {
            browser.quit();
        }
    }

    private static long distinctColoursIn(BufferedImage image, int x, int y, int width, int height) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int i = x; i < Math.min(x + width, image.getWidth()); i++) {
            for (int j = y; j < Math.min(y + height, image.getHeight()); j++) {
                colours.add(image.getRGB(i, j));
            }
        }
        return colours.size();
    }
}
