/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.DestinationResult;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.testing.LargeSqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/** Every object of a backup carries the lock asked for, read back from the server. */
@ExtendWith(S3MockExtension.class)
class ObjectLockBackupTest {

    @TempDir
    Path dir;

    private S3Fixture s3;

    @BeforeEach
    void server(S3Fixture s3) {
        this.s3 = s3;
    }

    @Test
    void everyObjectOfALockedBackupHasModeRetainUntilAndLegalHold() throws Exception {
        String bucket = s3.newLockedBucket();
        Instant start = Instant.now();
        BackupResult result;
        try (S3Destination destination = s3.destination(bucket).prefix("prod")
                .objectLock(ObjectLock.compliance(Duration.ofDays(3)).withLegalHold()).build()) {
            result = PlanB.backup(plan(destination));
        }
        Instant end = Instant.now();

        assertThat(result.isComplete()).isTrue();
        assertThat(result.destinations()).flatExtracting(DestinationResult::warnings).isEmpty();
        List<String> keys = s3.keys(bucket);
        assertThat(keys).hasSize(3).allMatch(key -> key.startsWith("prod/app/" + result.id() + "/"));
        for (String key : keys) {
            ObjectLockRetention retention = s3.client().getObjectRetention(r -> r.bucket(bucket).key(key)).retention();
            assertThat(retention.mode()).as(key).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
            assertThat(retention.retainUntilDate()).as(key)
                    .isBetween(start.plus(Duration.ofDays(3)).minusSeconds(1), end.plus(Duration.ofDays(3)));
            assertThat(s3.client().getObjectLegalHold(r -> r.bucket(bucket).key(key)).legalHold().status()).as(key)
                    .isEqualTo(ObjectLockLegalHoldStatus.ON);
        }
    }

    @Test
    void governanceModeWithoutLegalHold() throws Exception {
        String bucket = s3.newLockedBucket();
        try (S3Destination destination = s3.destination(bucket).objectLock(ObjectLock.governance(Duration.ofDays(1)))
                .build()) {
            PlanB.backup(plan(destination));
        }
        for (String key : s3.keys(bucket)) {
            assertThat(s3.client().getObjectRetention(r -> r.bucket(bucket).key(key)).retention().mode()).as(key)
                    .isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
            assertThat(s3.client().getObjectLegalHold(r -> r.bucket(bucket).key(key)).legalHold()).as(key)
                    .satisfiesAnyOf(hold -> assertThat(hold).isNull(),
                            hold -> assertThat(hold.status()).isNotEqualTo(ObjectLockLegalHoldStatus.ON));
        }
    }

    @Test
    void lockThatCannotBeConfirmedFailsThatDestinationAndLeavesNothingThere() throws Exception {
        String bucket = s3.newBucket(); // no Object Lock on this bucket: the server refuses retention
        BackupResult result;
        try (S3Destination destination = s3.destination(bucket).objectLock(ObjectLock.compliance(Duration.ofDays(3)))
                .build()) {
            plan(destination); // creates the database
            result = PlanB.backup(BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:" + dir.resolve("app.db")))
                    .destination(destination).destination(new LocalDirectoryDestination(dir.resolve("local"))).build());
        }

        assertThat(result.isComplete()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.destination()).startsWith("s3://" + bucket);
            assertThat(failure.failure()).hasValueSatisfying(reason -> assertThat(reason).contains(
                    "Object Lock not confirmed", "NOT protected", "create the bucket with Object Lock enabled",
                    "lockRequired=false"));
        });
        assertThat(s3.keys(bucket)).as("no manifest, and the unprotected artifact removed").isEmpty();
        assertThat(dir.resolve("local/app/" + result.id() + "/manifest.json")).isRegularFile();
    }

    @Test
    void unprotectedCopiesAcceptedExplicitlyAreStoredWithAWarning() throws Exception {
        String bucket = s3.newBucket();
        BackupResult result;
        try (S3Destination destination = s3.destination(bucket).objectLock(ObjectLock.compliance(Duration.ofDays(3)))
                .lockRequired(false).build()) {
            result = PlanB.backup(plan(destination));
        }
        assertThat(result.isComplete()).isTrue();
        assertThat(result.destinations().get(0).warnings()).hasSize(3)
                .allSatisfy(warning -> assertThat(warning).contains("Object Lock not confirmed", "NOT protected"));
    }

    private BackupPlan plan(S3Destination destination) throws Exception {
        Path database = dir.resolve("app.db");
        if (!database.toFile().exists()) {
            LargeSqliteDatabase.create(database, 1);
        }
        return BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:" + database))
                .destination(destination).build();
    }
}
