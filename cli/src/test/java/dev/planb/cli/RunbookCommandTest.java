/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.drill.RestoreVerifier;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockExtension;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import dev.planb.testing.server.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code planb runbook} on a PostgreSQL plan with an S3 and an SFTP copy and a recorded drill: the restore commands it
 * prints restore the database when run as printed, in a fresh folder, with only the variables it names.
 */
@ExtendWith({S3MockExtension.class, OpenSshServerExtension.class})
class RunbookCommandTest {

    private static final Pattern SHELL_BLOCK = Pattern.compile("```sh\n(.*?)\n```", Pattern.DOTALL);

    @TempDir
    Path dir;

    private S3Fixture s3;
    private OpenSshServer sshd;
    private DatabaseSource source;
    private String s3Uri;
    private String sftpUri;
    private Path config;
    private Path webhookFile;

    @BeforeEach
    void planWithTwoCopies(S3Fixture s3, OpenSshServer sshd) throws Exception {
        this.s3 = s3;
        this.sshd = sshd;
        PostgresServer postgres = PostgresServer.shared();
        source = postgres.newDatabase();
        sql(source, "CREATE TABLE orders (id int PRIMARY KEY, item text)",
                "INSERT INTO orders SELECT g, 'item ' || g FROM generate_series(1, 250) g");
        s3Uri = s3.uri(s3.newBucket(), "prod");
        sftpUri = "sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port() + sshd.newFolder() + "?identity="
                + sshd.clientKey() + "&knownHosts=" + sshd.knownHosts();
        Path passwordFile = Files.writeString(dir.resolve("pgpw"), postgres.password());
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        webhookFile = Files.writeString(dir.resolve("slack-url"), "http://127.0.0.1:9/hooks/T0KEN-never-shown");
        config = Files.writeString(dir.resolve("planb.yml"), """
                plans:
                  app:
                    database: { url: "%s", username: %s, password-file: "%s" }
                    schedule: 1h
                    max-age: 2h
                    destinations:
                      - uri: "%s"
                      - uri: "%s"
                    notifiers:
                      slack-url-file: "%s"
                      email: { host: 127.0.0.1, port: 9, from: planb@example.com, to: [ oncall@example.com ] }
                """.formatted(source.jdbcUrl(), PostgresServer.USER, passwordFile, s3Uri, sftpUri, webhookFile));
        Cli.Result backup = Cli.run("backup", "--config", config.toString(), "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
    }

    @Test
    void printedRestoreCommandsRestoreFromEachCopyAsPrinted() throws Exception {
        DatabaseSource drillServer = DatabaseSource.of(PostgresServer.shared().jdbcUrl("postgres"), PostgresServer.USER,
                dev.planb.Secret.of(PostgresServer.shared().password()));
        assertThat(new RestoreVerifier(DestinationUris.forReading(s3Uri)).verify(Optional.of("app"), "latest",
                Optional.of(drillServer)).passed()).isTrue();
        DatabaseSource restored = PostgresServer.shared().database("runbook_" + Long.toHexString(System.nanoTime()));

        Cli.Result runbook = Cli.run("runbook", "--config", config.toString(), "--plan", "app", "--to-db",
                restored.jdbcUrl(), "--user", PostgresServer.USER);

        assertThat(runbook.exitCode()).as(runbook.err()).isZero();
        String text = runbook.out();
        assertThat(text).contains("# Recovery runbook: plan app", s3Uri, sftpUri, source.jdbcUrl(),
                "Measured recovery time: ", "restored into planb_verify_", "250 rows",
                "Slack (URL in file `" + webhookFile + "`)", "E-mail to oncall@example.com",
                "an alarm goes off when no backup succeeded for 2h", "`AWS_ACCESS_KEY_ID`", "`AWS_SECRET_ACCESS_KEY`",
                "`AWS_REGION`", "`PLANB_RESTORE_PASSWORD`", "the private key `" + sshd.clientKey() + "`",
                "No copy holds a transaction-log chain");
        assertThat(text).doesNotContain("T0KEN", PostgresServer.shared().password(), S3Fixture.SECRET_KEY, "WARNING");
        List<String> restores = SHELL_BLOCK.matcher(text).results().map(match -> match.group(1))
                .filter(block -> block.contains("planb restore")).toList();
        assertThat(restores).hasSize(2);
        assertThat(restores.get(0)).contains(s3Uri);
        assertThat(restores.get(1)).contains(sftpUri);

        Map<String, String> named = Map.of("AWS_ACCESS_KEY_ID", S3Fixture.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3Fixture.SECRET_KEY, "AWS_REGION", "us-east-1",
                "PLANB_RESTORE_PASSWORD", PostgresServer.shared().password());
        for (String commands : restores) {
            Cli.Result result = runAsPrinted(commands, named);
            assertThat(result.exitCode()).as(commands + "\n" + result.out()).isZero();
            assertThat(result.out()).contains("Row counts match the manifest.");
            assertThat(rows(restored)).isEqualTo(rows(source));
            PostgresServer.shared().superuser("postgres", "DROP DATABASE " + restored.jdbcUrl()
                    .substring(restored.jdbcUrl().lastIndexOf('/') + 1));
        }
    }

    @Test
    void withoutADrillOrConfigurationTheRunbookSaysWhatIsMissingAndHtmlEscapesEverything() throws Exception {
        Path output = dir.resolve("runbook.html");

        Cli.Result runbook = Cli.run("runbook", "--from", sftpUri, "--from", "/no/such/folder", "--plan", "app",
                "--format", "html", "--output", output.toString());

        assertThat(runbook.exitCode()).as(runbook.err()).isZero();
        assertThat(runbook.err()).contains("written to " + output, "WARNING no restore drill of plan app has passed");
        String html = Files.readString(output);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Recovery runbook: plan app</h1>",
                "<code>" + sftpUri.replace("&", "&amp;") + "</code>", "generate this runbook with <code>--config FILE",
                "planb verify --from ", "<td>none</td>").doesNotContain("```", "?identity=" + sshd.clientKey() + "&knownHosts");
    }

    /** Runs a shell snippet in a new, empty folder with PATH, HOME and {@code variables} only. */
    private Cli.Result runAsPrinted(String commands, Map<String, String> variables) throws Exception {
        Path machine = Files.createTempDirectory(dir, "recovery-machine");
        Path bin = Files.createDirectories(machine.resolve("bin"));
        Path planb = Files.writeString(bin.resolve("planb"), "#!/bin/sh\nexec '" + Path.of(System.getProperty(
                "java.home"), "bin", "java") + "' $PLANB_JAVA_OPTS -cp '" + System.getProperty("java.class.path")
                + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(planb, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder shell = new ProcessBuilder("bash", "-euc", commands).directory(machine.toFile())
                .redirectErrorStream(true);
        shell.environment().clear();
        shell.environment().putAll(variables);
        shell.environment().put("PATH", bin + ":/usr/bin:/bin");
        shell.environment().put("HOME", machine.toString());
        // the test S3 server's self-signed certificate: what a real endpoint's CA-signed one needs no option for
        shell.environment().put("PLANB_JAVA_OPTS", String.join(" ", s3.server().trustStoreOptions()));
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Cli.Result(process.exitValue(), output, output);
    }

    private static void sql(DatabaseSource database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password().reveal()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> rows(DatabaseSource database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password().reveal()); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, item FROM orders ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getInt(1) + "|" + result.getString(2));
            }
        }
        return rows;
    }
}
