/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** S3Destination against a real S3Mock server: multipart, aborts, storage classes, errors. */
@ExtendWith(S3MockExtension.class)
class S3DestinationTest {

    private static final int MIB = 1024 * 1024;

    private S3Fixture s3;

    @BeforeEach
    void server(S3Fixture s3) {
        this.s3 = s3;
    }

    @Test
    void largeObjectIsUploadedInSeveralMultipartParts() throws Exception {
        String bucket = s3.newBucket();
        byte[] content = new byte[23 * MIB + 123];
        new Random(7).nextBytes(content);
        try (S3Destination destination = s3.destination(bucket).partSize(5 * MIB).partsInFlight(2).build()) {
            try (ObjectWriter writer = destination.create("app/1/data.bin")) {
                for (int offset = 0; offset < content.length; offset += 100_000) {
                    writer.write(content, offset, Math.min(100_000, content.length - offset));
                }
                writer.commit();
            }
            var head = s3.client().headObject(request -> request.bucket(bucket).key("app/1/data.bin"));
            assertThat(head.eTag()).as("a multipart ETag ends with the number of parts").endsWith("-5\"");
            assertThat(head.contentLength()).isEqualTo(content.length);
            try (InputStream in = destination.open("app/1/data.bin")) {
                assertThat(sha256(in)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
            }
        }
        assertThat(s3.pendingUploads(bucket)).isEmpty();
    }

    @Test
    void writerClosedMidUploadLeavesNoObjectAndNoPendingUpload() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination(bucket).partSize(5 * MIB).build()) {
            ObjectWriter writer = destination.create("app/1/data.bin");
            writer.write(new byte[12 * MIB]);
            assertThat(s3.pendingUploads(bucket)).as("parts are uploading before the commit").hasSize(1);
            writer.close();
        }
        assertThat(s3.keys(bucket)).isEmpty();
        assertThat(s3.pendingUploads(bucket)).isEmpty();
    }

    @Test
    void serverSideFailureMidUploadFailsTheCommitAndLeavesNothing() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination(bucket).partSize(5 * MIB).partsInFlight(1).build()) {
            ObjectWriter writer = destination.create("app/1/data.bin");
            writer.write(new byte[6 * MIB]);
            // Injected failure: the upload disappears on the server while PlanB is still writing.
            var pending = s3.pendingUploads(bucket).get(0);
            s3.client().abortMultipartUpload(request -> request.bucket(bucket).key(pending.key())
                    .uploadId(pending.uploadId()));
            assertThatThrownBy(() -> {
                writer.write(new byte[10 * MIB]);
                writer.commit();
            }).isInstanceOf(IOException.class).hasMessageContaining("s3://" + bucket + "/app/1/data.bin");
            writer.close();
        }
        assertThat(s3.keys(bucket)).isEmpty();
        assertThat(s3.pendingUploads(bucket)).isEmpty();
    }

    @Test
    void storageClassAppliesToArtifactsButNotToManifests() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination(bucket).storageClass("standard_ia").build()) {
            put(destination, "app/20260101T000000Z-000001/database.sqlite.zst", new byte[1000]);
            put(destination, "app/20260101T000000Z-000001/manifest.json", new byte[10]);
        }
        assertThat(s3.client().headObject(r -> r.bucket(bucket).key("app/20260101T000000Z-000001/database.sqlite.zst"))
                .storageClassAsString()).isEqualTo("STANDARD_IA");
        assertThat(s3.client().headObject(r -> r.bucket(bucket).key("app/20260101T000000Z-000001/manifest.json"))
                .storageClassAsString()).isIn(null, "STANDARD");
    }

    @Test
    void unknownStorageClassIsRejectedNamingIt() {
        assertThatThrownBy(() -> s3.destination("b-1").storageClass("COLD").build())
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("'COLD'").hasMessageContaining("GLACIER_IR");
    }

    @Test
    void archivedObjectSaysItMustBeRestoredFirst() {
        // S3Mock serves archived objects like any other, so the server's answer is built here.
        S3Errors errors = new S3Errors(new S3Location("backups", "prod", null, null, false));
        SdkException archived = S3Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("InvalidObjectState").errorMessage("The operation is not valid for the object's storage class")
                .build()).build();

        assertThat(errors.translate("read", "app/1/database.sqlite.zst", archived).getMessage())
                .contains("s3://backups/prod/app/1/database.sqlite.zst", "archive storage class", "restore-object",
                        "--bucket backups");
    }

    @Test
    void lockedObjectsReportTheirRetainUntilDate() throws Exception {
        String bucket = s3.newLockedBucket();
        try (S3Destination destination = s3.destination(bucket).objectLock(ObjectLock.governance(Duration.ofDays(2)))
                .build()) {
            Instant before = Instant.now();
            put(destination, "app/1/data.bin", new byte[10]);
            assertThat(destination.retainedUntil("app/1/data.bin")).hasValueSatisfying(until -> assertThat(until)
                    .isBetween(before.plus(Duration.ofDays(2)).minusSeconds(2), Instant.now().plus(Duration.ofDays(2))));
        }
        try (S3Destination unlocked = s3.destination(bucket).build()) {
            put(unlocked, "app/2/data.bin", new byte[10]);
            assertThat(unlocked.retainedUntil("app/2/data.bin")).isEmpty();
        }
    }

    @Test
    void lockThatTheBucketCannotHoldFailsTheUpload() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination(bucket).objectLock(ObjectLock.compliance(Duration.ofDays(1)))
                .build()) {
            assertThat(destination.requiredProtection()).contains("Object Lock (COMPLIANCE, 1 day)");
            ObjectWriter writer = destination.create("app/1/data.bin");
            writer.write(new byte[10]);
            assertThatThrownBy(writer::commit).isInstanceOfSatisfying(PlanBException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED))
                    .hasMessageContaining("Object Lock not confirmed on s3://" + bucket + "/app/1/data.bin")
                    .hasMessageContaining("lockRequired=false");
            assertThat(destination.list("")).isEmpty();
        }
    }

    @Test
    void lockThatTheBucketCannotHoldIsAWarningWhenUnprotectedCopiesAreAccepted() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination(bucket).objectLock(ObjectLock.compliance(Duration.ofDays(1)))
                .lockRequired(false).build()) {
            assertThat(destination.requiredProtection()).isEmpty();
            ObjectWriter writer = destination.create("app/1/data.bin");
            writer.write(new byte[10]);
            writer.commit();
            assertThat(writer.warnings()).singleElement().asString()
                    .contains("Object Lock not confirmed on s3://" + bucket + "/app/1/data.bin", "NOT protected");
        }
    }

    @Test
    void writeOnlyDestinationRefusesDeletesPointingToALifecycleRule() throws Exception {
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination(bucket).writeOnly(true).lockRequired(false).build()) {
            put(destination, "app/1/data.bin", new byte[10]);
            assertThat(destination.canDelete()).isFalse();
            assertThatThrownBy(() -> destination.delete("app/1/data.bin"))
                    .isInstanceOfSatisfying(PlanBException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED))
                    .hasMessageContaining("not permitted").hasMessageContaining("lifecycle rule");
            assertThat(destination.list("")).extracting(StoredObject::key).containsExactly("app/1/data.bin");
        }
    }

    @Test
    void writeOnlyCredentialsThatCanDeleteFailTheUpload() throws Exception {
        String bucket = s3.newBucket(); // S3Mock lets every credential delete
        try (S3Destination destination = s3.destination(bucket).writeOnly(true).build()) {
            assertThat(destination.requiredProtection()).contains("write-only credentials");
            ObjectWriter writer = destination.create("app/1/data.bin");
            writer.write(new byte[10]);
            assertThatThrownBy(writer::commit).isInstanceOfSatisfying(PlanBException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED))
                    .hasMessageContaining("writeOnly is set for s3://" + bucket)
                    .hasMessageContaining("these credentials can delete backups there")
                    .hasMessageContaining("s3:DeleteObjectVersion");
            assertThat(s3.keys(bucket)).isEmpty();
        }
    }

    @Test
    void deleteInAVersionedBucketRemovesEveryVersion() throws Exception {
        String bucket = s3.newBucket();
        s3.client().putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        try (S3Destination destination = s3.destination(bucket).build()) {
            put(destination, "app/1/data.bin", new byte[10]);
            destination.delete("app/1/data.bin");
        }
        var versions = s3.client().listObjectVersions(r -> r.bucket(bucket));
        assertThat(versions.versions()).isEmpty();
        assertThat(versions.deleteMarkers()).isEmpty();
    }

    @Test
    void missingBucketIsNamedWithTheServer() {
        try (S3Destination destination = s3.destination("no-such-bucket-here").build()) {
            assertThatThrownBy(() -> destination.list(""))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Bucket 'no-such-bucket-here' does not exist at " + s3.server().endpoint());
            assertThatThrownBy(() -> put(destination, "app/1/x.bin", new byte[10]))
                    .hasMessageContaining("Bucket 'no-such-bucket-here' does not exist");
        }
    }

    @Test
    void unreachableEndpointIsNamed() throws Exception {
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = URI.create("https://127.0.0.1:" + socket.getLocalPort());
        }
        try (S3Destination destination = s3.destination("backups").endpoint(nowhere).build()) {
            assertThatThrownBy(() -> destination.list(""))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("Cannot reach the S3 server " + nowhere + " for bucket 'backups'");
        }
    }

    @Test
    void wrongCredentialsAreNotCheckedByS3MockSoOnlyTheirSecrecyIsTested() throws Exception {
        // S3Mock accepts any signature: a rejection cannot be provoked locally (the opt-in suite
        // against a real bucket covers it). What can be tested: the secret never shows.
        String bucket = s3.newBucket();
        try (S3Destination destination = s3.destination(bucket).credentials("WRONG", Secret.of("wrong-secret-9q"))
                .build()) {
            assertThat(destination.list("")).isEmpty();
            assertThat(destination.toString() + destination.description()).doesNotContain("wrong-secret-9q", "WRONG");
        }
    }

    @Test
    void descriptionIsACommandLineUriWithoutSecrets() {
        try (S3Destination destination = s3.destination("backups").prefix("/prod/db/").build()) {
            assertThat(destination.description())
                    .isEqualTo("s3://backups/prod/db?endpoint=" + s3.server().endpoint() + "&pathStyle=true")
                    .doesNotContain(S3Fixture.SECRET_KEY);
            assertThat(destination.toString()).doesNotContain(S3Fixture.SECRET_KEY, S3Fixture.ACCESS_KEY);
        }
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> S3Destination.builder().build()).hasMessageContaining("no bucket");
        assertThatThrownBy(() -> s3.destination("Bad_Bucket").build()).hasMessageContaining("'Bad_Bucket' is invalid");
        assertThatThrownBy(() -> s3.destination("b-1").partSize(MIB).build()).hasMessageContaining("part size");
        assertThatThrownBy(() -> s3.destination("b-1").prefix("a/../b").build()).hasMessageContaining("prefix");
        assertThatThrownBy(() -> ObjectLock.compliance(Duration.ZERO)).hasMessageContaining("retention must be positive");
        assertThat(ObjectLockRetentionMode.fromValue(ObjectLock.Mode.COMPLIANCE.name()))
                .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
    }

    static void put(S3Destination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }
}
