/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.Compression;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.SampleDb;
import dev.planb.change.DestructiveChangePolicy;
import dev.planb.crypto.Encryption;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.Pruned;
import dev.planb.retention.RetentionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFactoryTest {

    @TempDir
    Path folder;

    private final Map<String, String> environment = Map.of("HOOK", "https://hooks.example.com/T0K3N");
    private final PlanFactory factory = PlanFactory.builder().environment(environment::get).build();

    @Test
    void destructiveChangeSettingsReachThePlanAndBadOnesAreNamed() throws Exception {
        PlanSettings settings = plan();
        PlanSettings.DestructiveChangeSettings change = settings.getDestructiveChange();
        change.setMinRows(10);
        change.setMaxLoss("20%");
        PlanSettings.TableThresholdSettings orders = new PlanSettings.TableThresholdSettings();
        orders.setMaxLoss("5");
        change.getTables().put("orders", orders);
        change.getIgnore().add("tmp_*");
        change.setHold(DurationText.parse("7d"));

        BackupPlan plan = factory.plan("app", "plans.app", settings);

        assertThat(plan.destructiveChange().minRows()).isEqualTo(10);
        assertThat(plan.destructiveChange().maxLossPercent()).isEqualTo(20);
        assertThat(plan.destructiveChange().thresholdOf("ORDERS")).isEqualTo(
                new DestructiveChangePolicy.Threshold(10, 5));
        assertThat(plan.destructiveChange().ignores("tmp_import")).isTrue();
        assertThat(plan.destructiveChange().hold()).isEqualTo(Duration.ofDays(7));
        assertThat(factory.plan("app", "plans.app", plan()).destructiveChange().toString())
                .isEqualTo(DestructiveChangePolicy.defaults().toString());

        change.setMaxLoss("half");
        assertThatThrownBy(() -> factory.plan("app", "plans.app", settings))
                .hasMessageContaining("plans.app.destructive-change.max-loss").hasMessageContaining("50%");
        change.setMaxLoss("20%");
        orders.setMaxLoss("100%");
        assertThatThrownBy(() -> factory.plan("app", "plans.app", settings))
                .hasMessageContaining("plans.app.destructive-change.tables.orders").hasMessageContaining("max-loss");
    }

    @Test
    void everySettingReachesThePlan() throws Exception {
        PlanSettings settings = plan();
        settings.setSchedule("1d12h");
        settings.setTimeout(Duration.ofMinutes(20));
        settings.setMaxAge(DurationText.parse("2d"));
        settings.setCompression("gzip");
        PlanSettings.DestinationSettings second = destination(folder.resolve("second").toString());
        second.getRetention().setKeepLast(3);
        second.getRetention().setKeepWithin(DurationText.parse("2w"));
        settings.getDestinations().add(second);
        settings.getEncryption().setPassphraseFile(Files.writeString(folder.resolve("passphrase"), "correct horse\n"));
        settings.getVerification().setEvery(Duration.ofDays(7));
        settings.getVerification().getChecks().add("select count(*) from orders >= 1");
        settings.getVerification().getFingerprints().add("orders");
        settings.getNotifiers().setWebhookUrlEnv("HOOK");
        PlanSettings.FilesSettings files = new PlanSettings.FilesSettings();
        files.setPath(Files.createDirectories(folder.resolve("uploads")));
        files.getExclude().add("*.tmp");
        settings.getFiles().add(files);

        BackupPlan plan = factory.plan("app", "plans.app", settings);

        assertThat(plan.name()).isEqualTo("app");
        assertThat(plan.schedule().orElseThrow().period()).isEqualTo(Duration.ofHours(36));
        assertThat(plan.timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(plan.maxAge()).contains(Duration.ofDays(2));
        assertThat(plan.compression()).isEqualTo(Compression.GZIP);
        assertThat(plan.destinations()).hasSize(2);
        assertThat(plan.retention(plan.destinations().get(0))).isEmpty();
        assertThat(plan.retention(plan.destinations().get(1))).map(Object::toString).contains(RetentionPolicy.builder()
                .keepLast(3).keepWithin(Duration.ofDays(14)).build().toString());
        assertThat(plan.encryption().mode()).isEqualTo(Encryption.MODE_PASSPHRASE);
        assertThat(plan.verification().orElseThrow().interval()).isEqualTo(Duration.ofDays(7));
        assertThat(plan.verification().orElseThrow().checks()).hasSize(1);
        assertThat(plan.notifiers()).hasSize(1);
        assertThat(plan.files()).singleElement().satisfies(source -> assertThat(source.excludes()).containsExactly("*.tmp"));
        assertThat(plan.toString()).doesNotContain("T0K3N").doesNotContain("correct horse");
    }

    @Test
    void aMissingSecretNamesTheSettingAndTheVariable() {
        PlanSettings settings = plan();
        settings.getDatabase().setUsername("backup");
        settings.getDatabase().setPasswordEnv("PGPW");
        assertThatThrownBy(() -> factory.plan("app", "plans.app", settings)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("Invalid setting plans.app.database.password-env: environment variable PGPW is not set:"
                        + " export it with the secret, then run again");
    }

    @Test
    void badSettingsNameThePlanAndTheKey() {
        assertInvalid(settings -> settings.setSchedule("every tuesday"), "plans.app.schedule", "Cron expression");
        assertInvalid(settings -> settings.setSchedule("0s"), "plans.app.schedule", "not a positive duration");
        assertInvalid(settings -> settings.setTimeout(Duration.ofMinutes(-1)), "plans.app.timeout", "positive");
        assertInvalid(settings -> settings.setCompression("rar"), "plans.app.compression", "zstd, gzip, none");
        assertInvalid(settings -> settings.getDestinations().clear(), "plans.app.destinations[0].uri", "no destination");
        assertInvalid(settings -> settings.getDestinations().get(0).setUri("gopher://host/dir"),
                "plans.app.destinations[0].uri", "unknown scheme 'gopher'");
        assertInvalid(settings -> settings.getDestinations().get(0).setUri("ftp://host/dir"),
                "plans.app.destinations[0].uri", "dev.planb:planb-storage-ftp");
        assertInvalid(settings -> settings.getDestinations().get(0).setUri("s3://bucket/app"),
                "plans.app.destinations[0].uri", "dev.planb:planb-storage-s3");
        assertInvalid(settings -> settings.getDestinations().get(0).getRetention().setKeepLast(0),
                "plans.app.destinations[0].retention", "keepLast");
        assertInvalid(settings -> settings.getDatabase().setUrl(null), "plans.app.database.url", "JDBC URL");
        assertInvalid(settings -> {
            settings.getVerification().setEvery(Duration.ofDays(7));
            settings.getVerification().setEveryNthBackup(3);
        }, "plans.app.verification", "not both");
        assertInvalid(settings -> {
            settings.getEncryption().setPassphrase("x");
            settings.getEncryption().getPublicKeys().add(Path.of("key.asc"));
        }, "plans.app.encryption", "not both");
        assertInvalid(settings -> settings.getNotifiers().getTelegram().setBotTokenEnv("HOOK"),
                "plans.app.notifiers.telegram.chat-id", "chat id");
        assertInvalid(settings -> settings.getStreaming().setEnabled(true), "plans.app.streaming.enabled",
                "log streaming needs PostgreSQL or MariaDB/MySQL");
        assertInvalid(settings -> settings.getFiles().add(new PlanSettings.FilesSettings()), "plans.app.files[0]",
                "path is not set");
    }

    @Test
    void aPullNamesItsKeys() {
        PlanBSettings.PullSettings pull = new PlanBSettings.PullSettings();
        pull.setFrom(folder.resolve("outbox").toString());
        assertThatThrownBy(() -> factory.pull("vault", "pulls.vault", pull)).hasMessageStartingWith(
                "Invalid setting pulls.vault.to[0]: no destination to pull to");
        pull.getTo().add(folder.resolve("vault").toString());
        assertThat(factory.pull("vault", "pulls.vault", pull).schedule().orElseThrow().period()).hasMinutes(15);
    }

    @Test
    void startsEveryPlanOnItsSchedule() throws Exception {
        PlanBSettings root = new PlanBSettings();
        PlanSettings settings = plan();
        settings.setSchedule("1s");
        settings.getDestinations().get(0).getRetention().setKeepLast(2);
        root.getPlans().put("app", settings);
        root.setThreads(1);
        LocalDirectoryDestination backups = new LocalDirectoryDestination(folder.resolve("backups"));

        AtomicInteger pruned = new AtomicInteger();
        PlanFactory listening = PlanFactory.builder().listener(event -> {
            if (event instanceof Pruned) {
                pruned.incrementAndGet();
            }
        }).build();

        try (ConfiguredRuntime runtime = listening.start(root)) {
            assertThat(runtime.planB().plans()).extracting(BackupPlan::name).containsExactly("app");
            await().atMost(Duration.ofSeconds(30)).until(() -> pruned.get() >= 3);
        }
        assertThat(PlanB.catalog(backups).backups("app")).as("keep-last 2 applied").hasSize(2);
    }

    @Test
    void threadsBelowOneAreRefused() {
        PlanBSettings root = new PlanBSettings();
        root.getPlans().put("app", plan());
        root.setThreads(0);
        assertThatThrownBy(() -> PlanFactory.builder().keyPrefix("planb").build().start(root))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("Invalid setting planb.threads: 0")
                .satisfies(e -> assertThat(((InvalidSettingException) e).code()).isEqualTo(ErrorCode.INVALID_SETTING));
    }

    private void assertInvalid(Consumer<PlanSettings> change, String key, String problem) {
        PlanSettings settings = plan();
        change.accept(settings);
        assertThatThrownBy(() -> factory.plan("app", "plans.app", settings)).isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("Invalid setting " + key + ": ").hasMessageContaining(problem)
                .satisfies(e -> assertThat(((InvalidSettingException) e).setting()).isEqualTo(key));
    }

    private PlanSettings plan() {
        PlanSettings settings = new PlanSettings();
        try {
            Path database = folder.resolve("app.db");
            settings.getDatabase().setUrl(Files.exists(database) ? SampleDb.url(database) : SampleDb.create(database));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        settings.getDestinations().add(destination(folder.resolve("backups").toString()));
        return settings;
    }

    private static PlanSettings.DestinationSettings destination(String uri) {
        PlanSettings.DestinationSettings destination = new PlanSettings.DestinationSettings();
        destination.setUri(uri);
        return destination;
    }
}
