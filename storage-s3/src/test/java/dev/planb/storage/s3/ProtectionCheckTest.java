/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.PlanB;
import dev.planb.spi.ProtectionReport;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code PlanB.check} on S3Mock, which lets every delete through (it stores locks but does not
 * enforce them): the check must say so. That a refused delete reads "protected" is proven by
 * the opt-in {@link RealObjectLockBucketIT} against a real bucket.
 */
@ExtendWith(S3MockExtension.class)
class ProtectionCheckTest {

    private S3Fixture s3;

    @BeforeEach
    void server(S3Fixture s3) {
        this.s3 = s3;
    }

    @Test
    void serverThatLetsTheDeleteThroughIsReportedAsCanDelete() {
        String bucket = s3.newBucket();
        ProtectionReport report;
        try (S3Destination destination = s3.destination(bucket).build()) {
            report = PlanB.check(destination);
        }
        assertThat(report.isProtected()).isFalse();
        assertThat(report.verdict()).isEqualTo(ProtectionReport.Verdict.CAN_DELETE);
        assertThat(report.summary()).isEqualTo("WARNING: these credentials can delete your backups");
        assertThat(report.details()).contains("versioning: never enabled", "Object Lock on the bucket: not enabled",
                "Object Lock set by PlanB on each object: none");
        assertThat(s3.keys(bucket)).as("the canary was deleted").isEmpty();
    }

    @Test
    void lockedBucketThatDoesNotEnforceTheLockIsStillCanDelete() {
        String bucket = s3.newLockedBucket();
        s3.client().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        ProtectionReport report;
        try (S3Destination destination = s3.destination(bucket)
                .objectLock(ObjectLock.compliance(Duration.ofDays(30))).build()) {
            report = PlanB.check(destination);
        }
        assertThat(report.verdict()).isEqualTo(ProtectionReport.Verdict.CAN_DELETE);
        assertThat(report.details()).contains("versioning: Enabled",
                "Object Lock set by PlanB on each object: COMPLIANCE, 30 days")
                .anyMatch(line -> line.startsWith("Object Lock on the bucket: enabled"));
    }
}
