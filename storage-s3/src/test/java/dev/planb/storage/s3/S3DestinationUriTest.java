/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Reading s3:// URIs; no server is needed because build() sends no request. */
class S3DestinationUriTest {

    @Test
    void bucketPrefixEndpointAndPathStyle() {
        try (S3Destination destination = S3DestinationUri
                .parse("s3://backups/prod/db?endpoint=http://127.0.0.1:9000&pathStyle=true").build()) {
            assertThat(destination.bucket()).isEqualTo("backups");
            assertThat(destination.prefix()).isEqualTo("prod/db");
            assertThat(destination.description())
                    .isEqualTo("s3://backups/prod/db?endpoint=http://127.0.0.1:9000&pathStyle=true");
            assertThat(S3DestinationUri.parse(destination.description()).build().description())
                    .isEqualTo(destination.description());
        }
    }

    @Test
    void regionAndLockSettings() {
        try (S3Destination destination = S3DestinationUri
                .parse("s3://backups?region=eu-west-1&lockMode=governance&lockDays=14&legalHold=true&partSize=16MiB"
                        + "&storageClass=GLACIER_IR&writeOnly=true").build()) {
            assertThat(destination.prefix()).isEmpty();
            assertThat(destination.description()).isEqualTo("s3://backups?region=eu-west-1");
            assertThat(destination.objectLock()).contains(
                    new ObjectLock(ObjectLock.Mode.GOVERNANCE, Duration.ofDays(14), true));
            assertThat(destination.canDelete()).isFalse();
        }
    }

    @Test
    void badUrisAreNamedWithoutSecrets() {
        assertThatThrownBy(() -> S3DestinationUri.parse("s3://backups?colour=blue"))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("unknown parameter 'colour'").hasMessageContaining("endpoint");
        assertThatThrownBy(() -> S3DestinationUri.parse("s3://backups?secretKey=hunter2"))
                .hasMessageContaining("credentials do not belong in the URI").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> S3DestinationUri.parse("s3://backups?lockDays=3"))
                .hasMessageContaining("lockMode");
        assertThatThrownBy(() -> S3DestinationUri.parse("s3://backups?lockMode=STRICT&lockDays=3"))
                .hasMessageContaining("lockMode 'STRICT'");
        assertThatThrownBy(() -> S3DestinationUri.parse("s3://backups?pathStyle=maybe"))
                .hasMessageContaining("pathStyle=maybe");
        assertThatThrownBy(() -> S3DestinationUri.parse("s3://backups?endpoint=http://u:pw@host:1").build())
                .hasMessageContaining("must not hold credentials").hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> S3DestinationUri.parse("s3:///prefix").build())
                .hasMessageContaining("no bucket");
    }
}
