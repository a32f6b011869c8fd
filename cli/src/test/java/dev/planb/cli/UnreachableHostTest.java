/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.ErrorCode;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockExtension;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A mistyped or unreachable host is named, with what to check: database URLs, S3 endpoints and SFTP hosts. */
class UnreachableHostTest {

    private static final String NO_SUCH_HOST = "no-such-host.invalid";

    @TempDir
    Path dir;

    Path database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = dir.resolve("app.db");
        DemoDatabase.create(database);
    }

    @Test
    void postgresHostThatDoesNotResolve() {
        assertDatabaseRefused("jdbc:postgresql://" + NO_SUCH_HOST + ":5432/app",
                "host '" + NO_SUCH_HOST + "' could not be resolved");
    }

    @Test
    void mariaDbHostThatDoesNotResolve() {
        assertDatabaseRefused("jdbc:mariadb://" + NO_SUCH_HOST + ":3306/app",
                "host '" + NO_SUCH_HOST + "' could not be resolved");
    }

    @Test
    void databasePortWhereNothingListens() throws IOException {
        int port = closedPort();
        assertDatabaseRefused("jdbc:postgresql://127.0.0.1:" + port + "/app", "the server could not be reached");
        assertDatabaseRefused("jdbc:mariadb://127.0.0.1:" + port + "/app", "the server could not be reached");
    }

    @Test
    @ExtendWith(S3MockExtension.class) // for its test credentials: S3 asks for them before it connects
    void s3EndpointThatDoesNotResolve(S3Fixture s3) {
        Cli.Result result = Cli.run("list", "--from", "s3://bucket/p?region=us-east-1&endpoint=http://" + NO_SUCH_HOST
                + ":9000");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ErrorCode.DESTINATION_FAILED.exitCode());
        assertThat(result.err()).contains("Cannot reach the S3 server http://" + NO_SUCH_HOST + ":9000",
                "host 'bucket." + NO_SUCH_HOST + "' could not be resolved", "check the endpoint");
    }

    @Test
    @ExtendWith(OpenSshServerExtension.class) // for a client key and known_hosts file
    void sftpHostThatDoesNotResolve(OpenSshServer sshd) throws IOException {
        Cli.Result result = Cli.run("list", "--from", "sftp://backup@" + NO_SUCH_HOST + "/backups?identity="
                + sshd.clientKey() + "&knownHosts=" + sshd.knownHosts());

        assertThat(result.err()).contains("host '" + NO_SUCH_HOST + "' could not be resolved");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ErrorCode.DESTINATION_FAILED.exitCode());
    }

    private void assertDatabaseRefused(String url, String reason) {
        Cli.Result result = Cli.run("backup", "--db", url, "--user", "app", "--to", dir.resolve("backups").toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE.exitCode());
        assertThat(result.err()).contains(reason).contains("check the host and port in the database URL")
                .doesNotContain("The connection attempt failed");
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
