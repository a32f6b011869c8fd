/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.ErrorCode;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockExtension;
import dev.planb.testing.LargeSqliteDatabase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command line with s3:// URIs, against a real S3Mock server, as a user would type them. */
@ExtendWith(S3MockExtension.class)
class S3CommandLineTest {

    @TempDir
    Path dir;

    private S3Fixture s3;

    @BeforeEach
    void server(S3Fixture s3) {
        this.s3 = s3;
    }

    @Test
    void backupListRestoreThroughAnS3Uri() throws Exception {
        Path database = dir.resolve("shop.db");
        LargeSqliteDatabase.create(database, 2);
        String uri = s3.uri(s3.newBucket(), "prod");

        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", uri);
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        String id = backup.out().strip();
        assertThat(backup.err()).contains("stored on s3://");

        Cli.Result list = Cli.run("list", "--from", uri);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("shop", id);

        Path restored = dir.resolve("restored.db");
        Cli.Result restore = Cli.run("restore", "--from", uri, "--to-db", "jdbc:sqlite:" + restored);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(SqliteRows.contentOf(restored)).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void checkSaysTheseCredentialsCanDeleteOnAServerThatAllowsIt() {
        String uri = s3.uri(s3.newBucket(), "prod");

        Cli.Result check = Cli.run("check", "--to", uri);

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("WARNING: these credentials can delete your backups", "versioning: ",
                "Object Lock on the bucket: not enabled");
    }

    @Test
    void objectLockAskedForOnABucketWithoutItFailsUnlessUnprotectedCopiesAreAccepted() throws Exception {
        Path database = dir.resolve("shop.db");
        DemoDatabase.create(database);
        String bucket = s3.newBucket(); // no Object Lock
        String locked = s3.uri(bucket, "prod") + "&lockMode=COMPLIANCE&lockDays=7";

        Cli.Result refused = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", locked);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ErrorCode.DESTINATION_FAILED.exitCode());
        assertThat(refused.err()).contains("s3://" + bucket + "/prod/shop/", "Object Lock not confirmed", "NOT protected",
                "lockRequired=false");
        assertThat(s3.keys(bucket)).isEmpty();

        Cli.Result accepted = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", locked + "&lockRequired=false");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(accepted.err()).contains("WARNING", "NOT protected");
    }

    @Test
    void checkFailsWhenADestinationConfiguredAsProtectedCanBeDeletedFrom() {
        String uri = s3.uri(s3.newBucket(), "prod");

        Cli.Result writeOnly = Cli.run("check", "--to", uri + "&writeOnly=true");
        Cli.Result locked = Cli.run("check", "--to", uri + "&lockMode=GOVERNANCE&lockDays=1");
        Cli.Result accepted = Cli.run("check", "--to", uri + "&writeOnly=true&lockRequired=false");

        assertThat(writeOnly.exitCode()).as(writeOnly.err()).isEqualTo(ErrorCode.DESTINATION_FAILED.exitCode());
        assertThat(writeOnly.out()).contains("WARNING: these credentials can delete your backups");
        assertThat(writeOnly.err()).contains("is configured for write-only credentials but these credentials can"
                + " delete backups there");
        assertThat(locked.exitCode()).as(locked.err()).isEqualTo(ErrorCode.DESTINATION_FAILED.exitCode());
        assertThat(locked.err()).contains("is configured for Object Lock (GOVERNANCE, 1 day)");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    }

    @Test
    void missingBucketIsOneLineNamingItAndTheServer() {
        Cli.Result list = Cli.run("list", "--from", s3.uri("no-such-bucket", "x"));

        assertThat(list.exitCode()).isEqualTo(6);
        assertThat(list.err().strip()).startsWith("planb: ").doesNotContain("\n")
                .contains("Bucket 'no-such-bucket' does not exist at " + s3.server().endpoint());
    }

    @Test
    void backupKilledMidUploadLeavesNoVisibleBackup() throws Exception {
        Path database = dir.resolve("big.db");
        LargeSqliteDatabase.create(database, 300);
        String bucket = s3.newBucket();
        String uri = s3.uri(bucket, "prod");

        Process backup = PlanBProcess.start(dir, s3.server().trustStoreOptions(), s3.credentialsEnvironment(),
                "backup", "--db",
                "jdbc:sqlite:" + database, "--to", uri);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (s3.pendingUploads(bucket).isEmpty() && backup.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(backup.isAlive()).as("the backup ended before it could be killed").isTrue();
        backup.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(s3.keys(bucket)).as("no object of the killed run is visible").isEmpty();
        Cli.Result list = Cli.run("list", "--from", uri);
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).isBlank();
        assertThat(list.err()).contains("No backups");
    }
}
