/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.retention.PruneOutcome;
import dev.planb.retention.PruneReport;
import dev.planb.retention.Pruner;
import dev.planb.retention.RetentionPolicy;
import dev.planb.spi.Layout;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.StoredObject;
import dev.planb.testing.LargeSqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in: proves against a real bucket with Object Lock (AWS S3 or MinIO) what S3Mock cannot,
 * that storage refuses to delete a locked backup, that pruning reports it as retained, and that
 * {@code check} says "protected by Object Lock". Not run by {@code mvn verify} (its name ends in
 * IT); run it as docs/destinations/s3.md says, with:
 *
 * <ul>
 *   <li>{@code PLANB_S3_LOCK_URI}: {@code s3://BUCKET/PREFIX?region=…} (add {@code endpoint=} and
 *       {@code pathStyle=true} for MinIO) of a bucket created with Object Lock enabled;</li>
 *   <li>credentials as for the command line ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}
 *       or {@code AWS_PROFILE}), allowed to put, get, list and delete objects and versions.</li>
 * </ul>
 *
 * Objects are locked in GOVERNANCE mode for one day, so an administrator can remove them early.
 */
class RealObjectLockBucketIT {

    private static final String URI_VARIABLE = "PLANB_S3_LOCK_URI";

    @TempDir
    Path dir;

    private S3Destination destination;

    @BeforeEach
    void destination() {
        String uri = System.getenv(URI_VARIABLE);
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException(URI_VARIABLE + " is not set: export it as s3://BUCKET/PREFIX?region=R of a"
                    + " bucket with Object Lock enabled, with AWS credentials, to run this suite (see docs/destinations/s3.md, Tests)");
        }
        String run = "planb-it-" + UUID.randomUUID().toString().substring(0, 8);
        S3Destination.Builder builder = S3DestinationUri.parse(uri);
        try (S3Destination base = builder.build()) {
            builder.prefix((base.prefix().isEmpty() ? "" : base.prefix() + "/") + run);
        }
        destination = builder.objectLock(ObjectLock.governance(Duration.ofDays(1))).build();
    }

    @Test
    void lockedBackupCannotBeDeletedAndPruningReportsItRetained() throws Exception {
        Path database = dir.resolve("app.db");
        LargeSqliteDatabase.create(database, 1);
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:" + database))
                .destination(destination).build();
        BackupResult first = PlanB.backup(plan);
        BackupResult second = PlanB.backup(plan);
        assertThat(first.destinations()).flatExtracting(DestinationResult::warnings).isEmpty();
        assertThat(second.destinations()).flatExtracting(DestinationResult::warnings).isEmpty();

        String manifest = Layout.manifestKey("app", first.id());
        assertThat(destination.retainedUntil(manifest)).hasValueSatisfying(
                until -> assertThat(until).isAfter(Instant.now().plus(Duration.ofHours(23))));
        assertThatThrownBy(() -> destination.delete(manifest)).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED));
        assertThat(destination.list("app/")).extracting(StoredObject::key).contains(manifest);

        PruneReport report = new Pruner(destination).prune("app", RetentionPolicy.builder().keepLast(1).build(),
                Instant.now(), false);
        assertThat(report.deleted()).isEmpty();
        assertThat(report.backups()).anySatisfy(backup -> {
            assertThat(backup.backup().id()).isEqualTo(first.id());
            assertThat(backup.outcome()).isEqualTo(PruneOutcome.RETAINED);
            assertThat(backup.detail()).contains("retained until");
        });
    }

    @Test
    void checkSaysProtectedByObjectLock() {
        ProtectionReport report = PlanB.check(destination);

        assertThat(report.verdict()).isEqualTo(ProtectionReport.Verdict.OBJECT_LOCK);
        assertThat(report.summary()).isEqualTo("protected by Object Lock (GOVERNANCE, 1 day)");
        assertThat(report.details()).anyMatch(line -> line.startsWith("Object Lock on the bucket: enabled"));
    }
}
