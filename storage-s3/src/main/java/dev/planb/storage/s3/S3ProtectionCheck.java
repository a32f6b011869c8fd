/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.spi.ProtectionReport.Verdict;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.support.CanaryCheck;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

/**
 * The S3 answer to "can production destroy its backups?". A canary is uploaded as a backup
 * would be (locked for one day when the destination locks), then deleted the way an attacker
 * would: by version id in a versioned bucket, since a plain delete there only hides the object.
 * Also reports the bucket's versioning and Object Lock configuration.
 */
final class S3ProtectionCheck {

    /** How long a canary is locked: long enough to test, short enough not to linger. */
    static final Duration CANARY_LOCK = Duration.ofDays(1);

    private final S3Destination destination;
    private final S3Client s3;
    private final S3Location location;
    private final S3Errors errors;
    private final UploadOptions options;

    S3ProtectionCheck(S3Destination destination, S3Client s3, S3Location location, S3Errors errors,
            UploadOptions options) {
        this.destination = destination;
        this.s3 = s3;
        this.location = location;
        this.errors = errors;
        this.options = options;
    }

    ProtectionReport run(Instant now) throws IOException {
        List<String> details = new ArrayList<>();
        details.add("versioning: " + versioning());
        ObjectLockConfiguration bucketLock = bucketLock(details);
        ObjectLock lock = options.lock();
        UploadOptions canaryOptions = new UploadOptions(options.partSize(), 1, null,
                lock == null ? null : new ObjectLock(lock.mode(), CANARY_LOCK, false), false);
        String key = CanaryCheck.newKey(now);
        String versionId;
        try (MultipartWriter writer = destination.create(key, canaryOptions)) {
            writer.write(CanaryCheck.content(now));
            writer.commit();
            versionId = writer.versionId();
        }
        String s3Key = location.s3Key(key);
        try {
            s3.deleteObject(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId));
        } catch (SdkException e) {
            if (!S3Errors.isAccessDenied(e)) {
                throw errors.translate("delete", key, e);
            }
            details.add("the canary " + location.uri(key) + " was kept: the delete was refused ("
                    + S3Errors.errorCode(e) + ")");
            return refused(key, lock, bucketLock, details);
        }
        if (stillThere(s3Key, versionId)) {
            details.add("the canary " + location.uri(key) + " is still there after a delete that was accepted");
            return refused(key, lock, bucketLock, details);
        }
        return new ProtectionReport(destination.description(), Verdict.CAN_DELETE,
                "WARNING: these credentials can delete your backups", details);
    }

    private ProtectionReport refused(String key, ObjectLock lock, ObjectLockConfiguration bucketLock,
            List<String> details) throws IOException {
        if (destination.retainedUntil(key).isPresent()) {
            String how = lock != null ? lock.describe() : describeDefault(bucketLock);
            return new ProtectionReport(destination.description(), Verdict.OBJECT_LOCK,
                    "protected by Object Lock (" + how + ")", details);
        }
        return new ProtectionReport(destination.description(), Verdict.CANNOT_DELETE,
                "protected: these credentials cannot delete backups", details);
    }

    private boolean stillThere(String s3Key, String versionId) throws IOException {
        try {
            s3.headObject(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId));
            return true;
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e)) {
                return false;
            }
            throw errors.translate("read", s3Key, e);
        }
    }

    private String versioning() {
        try {
            String status = s3.getBucketVersioning(request -> request.bucket(location.bucket())).statusAsString();
            return status == null ? "never enabled" : status;
        } catch (SdkException e) {
            return "unknown (" + reason(e) + ")";
        }
    }

    private ObjectLockConfiguration bucketLock(List<String> details) {
        try {
            ObjectLockConfiguration configuration = s3.getObjectLockConfiguration(request -> request
                    .bucket(location.bucket())).objectLockConfiguration();
            boolean enabled = configuration != null && configuration.objectLockEnabled() == ObjectLockEnabled.ENABLED;
            details.add("Object Lock on the bucket: " + (enabled ? "enabled, default retention "
                    + describeDefault(configuration) : "not enabled"));
            details.add("Object Lock set by PlanB on each object: "
                    + (options.lock() == null ? "none" : options.lock().describe()));
            return enabled ? configuration : null;
        } catch (SdkException e) {
            String code = S3Errors.errorCode(e);
            // AWS answers ObjectLockConfigurationNotFoundError; S3Mock, InvalidRequest.
            boolean notEnabled = S3Errors.isNotFound(e) || "ObjectLockConfigurationNotFoundError".equals(code)
                    || "InvalidRequest".equals(code);
            details.add("Object Lock on the bucket: " + (notEnabled ? "not enabled" : "unknown (" + reason(e) + ")"));
            details.add("Object Lock set by PlanB on each object: "
                    + (options.lock() == null ? "none" : options.lock().describe()));
            return null;
        }
    }

    private static String describeDefault(ObjectLockConfiguration configuration) {
        DefaultRetention retention = configuration == null || configuration.rule() == null ? null
                : configuration.rule().defaultRetention();
        if (retention == null) {
            return "none";
        }
        String length = retention.days() != null ? retention.days() + " days" : retention.years() + " years";
        return retention.modeAsString() + ", " + length;
    }

    private static String reason(SdkException e) {
        String code = S3Errors.errorCode(e);
        return code != null ? code : Messages.firstLine(e);
    }
}
