/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.config.PlanBSettings;
import dev.planb.config.PlanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** planb.yml read into the configuration model: every key, interpolation, overrides, and errors naming file, line and key. */
class ConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyOfAPlanIsRead() throws Exception {
        Path file = write("""
                threads: 3
                plans:
                  app:
                    database: { url: "jdbc:sqlite:app.db", username: backup, password-env: PGPW }
                    schedule: 1m
                    timeout: 1d12h
                    max-age: 2w
                    compression: gzip
                    destinations:
                      - uri: /var/backups/app
                        retention: { keep-last: 24, keep-hourly: 1, keep-daily: 7, keep-weekly: 4, keep-monthly: 12,
                                     keep-yearly: 2, keep-within: 2d }
                      - uri: "s3://bucket/app?region=eu-central-1"
                    encryption: { public-keys: [ /etc/planb/ops.asc ] }
                    verification:
                      every: 7d
                      checks: [ "select count(*) from orders >= 1" ]
                      fingerprints: [ orders ]
                      max-age: 15d
                      server: { url: "jdbc:postgresql://scratch/postgres", username: drill, password-file: /run/pw }
                    notifiers:
                      slack-url-env: SLACK_URL
                      teams-url-file: /run/teams
                      discord-url-env: DISCORD
                      webhook-url-env: HOOK
                      heartbeat-url-env: BEAT
                      telegram: { bot-token-env: TG, chat-id: "-100123" }
                      email: { host: smtp.example.com, port: 465, from: planb@example.com, to: ops@example.com,
                               username: planb, password-env: SMTP_PW }
                    files:
                      - { path: /var/lib/app/uploads, name: uploads, include: ["*.jpg"], exclude: [cache/**],
                          incremental: true, skip-unreadable: true }
                    streaming: { enabled: true, partial-interval: 10s, fallback-interval: 30m }
                pulls:
                  vault: { from: /srv/outbox, to: [ /srv/vault ], plan: app, remove-copied: true, schedule: 15m }
                """);

        PlanBSettings settings = ConfigFile.read(file, Map.of()).settings();

        assertThat(settings.getThreads()).isEqualTo(3);
        PlanSettings app = settings.getPlans().get("app");
        assertThat(app.getDatabase().getPasswordEnv()).isEqualTo("PGPW");
        assertThat(app.getTimeout()).isEqualTo(Duration.ofHours(36));
        assertThat(app.getMaxAge()).isEqualTo(Duration.ofDays(14));
        assertThat(app.getDestinations()).hasSize(2);
        PlanSettings.RetentionSettings retention = app.getDestinations().get(0).getRetention();
        assertThat(retention.getKeepLast()).isEqualTo(24);
        assertThat(retention.getKeepYearly()).isEqualTo(2);
        assertThat(retention.getKeepWithin()).isEqualTo(Duration.ofDays(2));
        assertThat(app.getEncryption().getPublicKeys()).containsExactly(Path.of("/etc/planb/ops.asc"));
        assertThat(app.getVerification().getMaxAge()).isEqualTo(Duration.ofDays(15));
        assertThat(app.getVerification().getServer().getPasswordFile()).isEqualTo(Path.of("/run/pw"));
        assertThat(app.getNotifiers().getTeamsUrlFile()).isEqualTo(Path.of("/run/teams"));
        assertThat(app.getNotifiers().getTelegram().getChatId()).isEqualTo("-100123");
        assertThat(app.getNotifiers().getEmail().getTo()).containsExactly("ops@example.com");
        assertThat(app.getNotifiers().getEmail().getPort()).isEqualTo(465);
        assertThat(app.getFiles().get(0).isSkipUnreadable()).isTrue();
        assertThat(app.getStreaming().getPartialInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.getPulls().get("vault").isRemoveCopied()).isTrue();
    }

    @Test
    void valuesComeFromTheEnvironmentWithDefaults() throws Exception {
        Path file = write("""
                plans:
                  app:
                    database: { url: "jdbc:sqlite:${DATA:-/var/lib/app}/app.db" }
                    schedule: ${EVERY}
                    destinations: [ { uri: "${BACKUPS}/app", retention: { keep-last: "${KEEP:-7}" } } ]
                    notifiers: { webhook-url: "${HOOK}" }
                    verification: { checks: [ "select '$${literal}' = '$${literal}'" ] }
                """);

        PlanSettings app = ConfigFile.read(file, Map.of("EVERY", "1h", "BACKUPS", "/srv", "HOOK", "https://h/T0K3N"))
                .settings().getPlans().get("app");

        assertThat(app.getDatabase().getUrl()).isEqualTo("jdbc:sqlite:/var/lib/app/app.db");
        assertThat(app.getSchedule()).isEqualTo("1h");
        assertThat(app.getDestinations().get(0).getUri()).isEqualTo("/srv/app");
        assertThat(app.getDestinations().get(0).getRetention().getKeepLast()).isEqualTo(7);
        assertThat(app.getNotifiers().getWebhookUrl()).as("from the environment: not a secret in the file")
                .isEqualTo("https://h/T0K3N");
        assertThat(app.getVerification().getChecks()).containsExactly("select '${literal}' = '${literal}'");
        assertThat(Files.getPosixFilePermissions(file)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void planbVariablesOverrideTheFile() throws Exception {
        Path file = write("""
                plans:
                  my-app:
                    database: { url: "jdbc:sqlite:app.db" }
                    schedule: 1d
                    destinations: [ { uri: /srv/a }, { uri: /srv/b } ]
                """);

        PlanBSettings settings = ConfigFile.read(file, Map.of("PLANB_PLANS_MY_APP_SCHEDULE", "15m",
                "PLANB_PLANS_MY_APP_DESTINATIONS_1_RETENTION_KEEP_LAST", "3", "PLANB_PLANS_MY_APP_MAX_AGE", "1d12h",
                "PLANB_PLANS_MY_APP_VERIFICATION_CHECKS", "select 1 = 1,select 2 = 2", "PLANB_THREADS", "5",
                "PLANB_SFTP_PASSWORD", "not a setting of the file")).settings();

        PlanSettings app = settings.getPlans().get("my-app");
        assertThat(app.getSchedule()).isEqualTo("15m");
        assertThat(app.getMaxAge()).isEqualTo(Duration.ofHours(36));
        assertThat(app.getDestinations().get(1).getRetention().getKeepLast()).isEqualTo(3);
        assertThat(app.getDestinations().get(0).getUri()).isEqualTo("/srv/a");
        assertThat(app.getVerification().getChecks()).containsExactly("select 1 = 1", "select 2 = 2");
        assertThat(settings.getThreads()).isEqualTo(5);

        assertThatThrownBy(() -> ConfigFile.read(file, Map.of("PLANB_PLANS_MY_APP_SCHEDUL", "1h")))
                .hasMessageStartingWith("Environment variable PLANB_PLANS_MY_APP_SCHEDUL names no setting under plans.my-app");
        assertThatThrownBy(() -> ConfigFile.read(file, Map.of("PLANB_PLANS_OTHER_SCHEDULE", "1h")))
                .hasMessageContaining("names none of the plans in the file: my-app");
        assertThatThrownBy(() -> ConfigFile.read(file, Map.of("PLANB_PLANS_MY_APP_TIMEOUT", "soon")))
                .hasMessageContaining("'soon' is not a valid plans.my-app.timeout");
    }

    @Test
    void errorsNameTheFileTheLineAndTheKey() throws Exception {
        assertError("""
                plans:
                  app:
                    database: { url: "jdbc:sqlite:app.db" }
                    schedul: 1h
                """, 4, "plans.app.schedul: unknown key: did you mean 'schedule'?");
        assertError("""
                plans:
                  app:
                    database: { url: "jdbc:sqlite:app.db" }
                    max-age: soon
                """, 4, "plans.app.max-age: 'soon' is not a duration: use e.g. 7d, 36h, 2w, 1d12h");
        assertError("""
                plans:
                  app:
                    destinations:
                      - uri: /srv
                        retention:
                          keep-last: many
                """, 6, "plans.app.destinations[0].retention.keep-last: 'many' is not a whole number");
        assertError("""
                plans:
                  app:
                    database: { url: "${NOT_SET}" }
                """, 3, "plans.app.database.url: environment variable NOT_SET is not set");
        assertError("""
                plans:
                  app:
                    database: { url: "jdbc:sqlite:app.db" }
                    schedule: every tuesday
                    destinations: [ { uri: /srv } ]
                """, 4, "plans.app.schedule: Cron expression 'every tuesday' is invalid");
        assertError("""
                plans:
                  app:
                    database: { url: "jdbc:sqlite:app.db" }
                    destinations:
                      - uri: "gopher://host/dir"
                """, 5, "plans.app.destinations[0].uri: 'gopher://host/dir' has an unknown scheme 'gopher'");
        assertError("""
                plans:
                  app:
                    database: { url: "jdbc:sqlite:app.db" }
                """, 2, "plans.app.destinations[0].uri: no destination");
        assertError("""
                plans:
                  app: [ not, a, plan ]
                """, 2, "plans.app: a value of another kind is expected here");
        assertError("""
                plans:
                  app:
                    database: { url: "jdbc:sqlite:app.db"
                """, 4, "not valid YAML");
    }

    @Test
    void anUnknownKeyFarFromAnyListsTheKeysThere() throws Exception {
        assertError("""
                plans:
                  app:
                    retention: { keep-last: 3 }
                """, 3, "plans.app.retention: unknown key: the keys here are compression, database, destinations,");
    }

    @Test
    void anInlineSecretIsRefusedUnlessOnlyTheOwnerCanReadTheFile() throws Exception {
        Path file = write("""
                plans:
                  app:
                    database: { url: "jdbc:postgresql://db/app", username: backup, password: "s3cret" }
                    destinations: [ { uri: /srv } ]
                """);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> ConfigFile.read(file, Map.of())).isInstanceOf(PlanBException.class)
                .hasMessage(file + " line 3: plans.app.database.password: a secret is written in this file, which other"
                        + " users may read (mode 0644): chmod 600 " + file + ", or use password-env or password-file")
                .hasMessageNotContaining("s3cret");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        BackupPlan plan = ConfigFile.read(file, Map.of()).plan("app");
        assertThat(plan.database().password().reveal()).isEqualTo("s3cret");
    }

    @Test
    void aPlanIsChosenByName() throws Exception {
        Path file = write("""
                plans:
                  app: { database: { url: "jdbc:sqlite:app.db" }, destinations: [ { uri: /srv } ] }
                  reports: { database: { url: "jdbc:sqlite:reports.db" }, destinations: [ { uri: /srv } ] }
                """);
        ConfigFile config = ConfigFile.read(file, Map.of());

        assertThat(config.plan("reports").database().jdbcUrl()).isEqualTo("jdbc:sqlite:reports.db");
        assertThatThrownBy(() -> config.plan(null)).hasMessage(file + " has 2 plans (app, reports): choose one with --plan NAME");
        assertThatThrownBy(() -> config.plan("other")).hasMessage(file + " has no plan 'other': its plans are app, reports")
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.INVALID_SETTING));
    }

    private void assertError(String yaml, int line, String message) throws Exception {
        Path file = write(yaml);
        assertThatThrownBy(() -> ConfigFile.read(file, Map.of()).plans()).isInstanceOf(PlanBException.class)
                .hasMessageStartingWith(file + " line " + line + ": " + message);
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "planb", ".yml");
        Files.writeString(file, yaml);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return file;
    }
}
