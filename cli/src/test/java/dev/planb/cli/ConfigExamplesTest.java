/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockExtension;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The example planb.yml files of docs/examples: each parses and validates; the first runs against real services. */
@ExtendWith(S3MockExtension.class)
class ConfigExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @TempDir
    Path dir;

    @Test
    void theConfigFilePagesExampleIsValid() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "getting-started", "config-file.md"));
        int start = page.indexOf("```yaml\n") + "```yaml\n".length();
        Path file = Files.writeString(dir.resolve("planb.yml"), page.substring(start, page.indexOf("```", start)));

        List<BackupPlan> plans = ConfigFile.read(file, Map.of("PGPW", "x", "SLACK_URL", "https://hooks.slack.com/x"))
                .plans();

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.destinations()).hasSize(2);
            assertThat(plan.schedule().orElseThrow().period()).hasMinutes(1);
            assertThat(plan.verification()).isPresent();
        });
    }

    @Test
    void theMariaDbStreamingExampleIsValid() throws Exception {
        List<BackupPlan> plans = ConfigFile.read(EXAMPLES.resolve("mariadb-streaming.yml"),
                Map.of("SHOP_DB_PASSWORD", "x", "SMTP_PASSWORD", "y", "SSH_DIR", sshFiles())).plans();

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.engine().name()).isEqualTo("mariadb");
            assertThat(plan.destinations().get(0).description()).startsWith("sftp://planb@backup.internal");
            assertThat(plan.notifiers()).hasSize(1);
        });
    }

    @Test
    void thePullHostExampleIsValid() throws Exception {
        ConfigFile config = ConfigFile.read(EXAMPLES.resolve("pull-host.yml"), Map.of("SSH_DIR", sshFiles()));

        assertThat(config.plans()).isEmpty();
        assertThat(config.pulls()).singleElement().satisfies(pull -> {
            assertThat(pull.removeCopied()).isTrue();
            assertThat(pull.schedule().orElseThrow().period()).hasMinutes(15);
        });
    }

    /** The files an SFTP URI names, as an operator would have them (their content is read at connection time). */
    private String sshFiles() throws Exception {
        Files.writeString(dir.resolve("id_ed25519"), "");
        Files.writeString(dir.resolve("known_hosts"), "");
        return dir.toString();
    }

    @Test
    void thePostgresExampleRunsAgainstPostgresALocalFolderAndS3WithObjectLock(S3Fixture s3) throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource database = server.newDatabase();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table users(id int primary key, name text)");
            statement.execute("insert into users values (1, 'ada'), (2, 'grace')");
        }
        Files.writeString(dir.resolve("pgpw"), server.password());
        Path backups = dir.resolve("backups");
        String bucket = s3.newLockedBucket();
        Map<String, String> environment = new java.util.HashMap<>(s3.credentialsEnvironment());
        environment.putAll(Map.of("APP_DB_URL", database.jdbcUrl(), "CREDENTIALS_DIRECTORY", dir.toString(),
                "BACKUP_DIR", backups.toString(), "S3_URI", s3.uri(bucket, "app"), "SLACK_URL", "http://127.0.0.1:9/unused",
                "PLANB_PLANS_APP_DATABASE_USERNAME", PostgresServer.USER));

        Cli.Result check = PlanBProcess.run(dir, s3.server().trustStoreOptions(), environment, "config", "check",
                EXAMPLES.resolve("postgres-app.yml").toAbsolutePath().toString());
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains("OK, 1 plan(s)").doesNotContain(server.password());

        Cli.Result once = PlanBProcess.run(dir, s3.server().trustStoreOptions(), environment, "run", "--config",
                EXAMPLES.resolve("postgres-app.yml").toAbsolutePath().toString(), "--once");

        assertThat(once.exitCode()).as(once.out()).isZero();
        assertThat(once.out()).contains("app: backed up: ", "verified").doesNotContain(server.password());
        assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).singleElement()
                .satisfies(manifest -> assertThat(manifest.totalRows()).isEqualTo(2));
        assertThat(s3.keys(bucket)).anyMatch(key -> key.endsWith("/manifest.json"));
    }
}
