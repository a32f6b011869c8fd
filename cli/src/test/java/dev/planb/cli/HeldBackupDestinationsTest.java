/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.spi.support.Json;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockExtension;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A held backup survives {@code planb prune --keep-last 1} on every kind of destination (a local folder, a real
 * OpenSSH server, a real S3 server) and on a pull host, until its hold is released.
 */
@ExtendWith({OpenSshServerExtension.class, S3MockExtension.class})
class HeldBackupDestinationsTest {

    @TempDir
    Path dir;

    private String sftp(OpenSshServer sshd) throws Exception {
        return "sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port() + sshd.newFolder()
                + "?identity=" + sshd.clientKey() + "&knownHosts=" + sshd.knownHosts();
    }

    /** Two backups of a real SQLite database to {@code uri}, oldest first. */
    private List<String> twoBackups(String uri) throws Exception {
        Path database = dir.resolve("app.db");
        if (!database.toFile().exists()) {
            DemoDatabase.create(database);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", uri, "--plan", "app");
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            ids.add(backup.out().strip());
        }
        return ids;
    }

    private static List<String> listed(String uri) throws Exception {
        List<String> ids = new ArrayList<>();
        Json.mapper().readTree(Cli.run("list", "--from", uri, "--json").out()).forEach(row -> ids.add(row.get("backupId").asText()));
        return ids;
    }

    private void heldBackupSurvivesPruneUntilReleased(String uri) throws Exception {
        List<String> ids = twoBackups(uri);
        Cli.Result hold = Cli.run("hold", "--from", uri, "--backup", ids.get(0), "--reason", "last good before the deploy");
        assertThat(hold.exitCode()).as(hold.err()).isZero();

        Cli.Result prune = Cli.run("prune", "--from", uri, "--keep-last", "1");

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(listed(uri)).containsExactly(ids.get(1), ids.get(0));
        JsonNode held = Json.mapper().readTree(Cli.run("list", "--from", uri, "--json").out()).get(1);
        assertThat(held.get("holds").get(0).get("reason").asText()).isEqualTo("last good before the deploy");

        assertThat(Cli.run("hold", "release", "--from", uri, "--backup", ids.get(0)).exitCode()).isZero();
        assertThat(Cli.run("prune", "--from", uri, "--keep-last", "1").exitCode()).isZero();
        assertThat(listed(uri)).containsExactly(ids.get(1));
    }

    @Test
    void onALocalFolder() throws Exception {
        heldBackupSurvivesPruneUntilReleased(dir.resolve("backups").toString());
    }

    @Test
    void onSftp(OpenSshServer sshd) throws Exception {
        heldBackupSurvivesPruneUntilReleased(sftp(sshd));
    }

    @Test
    void onS3(S3Fixture s3) throws Exception {
        heldBackupSurvivesPruneUntilReleased(s3.uri(s3.newBucket(), "prod"));
    }

    @Test
    void onAPullHostWhoseOutboxIsEmptied(OpenSshServer sshd) throws Exception {
        String outbox = sftp(sshd);
        String vault = dir.resolve("vault").toString();
        List<String> ids = twoBackups(outbox);
        assertThat(Cli.run("hold", "--from", outbox, "--backup", ids.get(0), "--reason", "audit").exitCode()).isZero();

        Cli.Result pull = Cli.run("pull", "--from", outbox, "--to", vault, "--remove-copied");
        assertThat(pull.exitCode()).as(pull.err()).isZero();
        Cli.Result prune = Cli.run("prune", "--from", vault, "--keep-last", "1");

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(listed(vault)).containsExactly(ids.get(1), ids.get(0));
    }
}
