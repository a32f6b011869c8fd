/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.spi.support.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * Makes sure an uploaded object really carries its Object Lock. The lock is sent with the upload;
 * some servers ignore those headers, so it is read back, set explicitly with PutObjectRetention /
 * PutObjectLegalHold when missing, and read back again. A lock that still cannot be confirmed is
 * returned as a warning: the object is stored but not protected, and the run says so.
 */
final class LockConfirmation {

    private final S3Client s3;
    private final S3Location location;

    LockConfirmation(S3Client s3, S3Location location) {
        this.s3 = s3;
        this.location = location;
    }

    /**
     * Checks (and if needed sets) the lock of one object version.
     *
     * @return empty when the lock is confirmed; otherwise one warning line
     */
    List<String> confirm(String key, String versionId, ObjectLock lock, Instant retainUntil) {
        List<String> problems = new ArrayList<>();
        String s3Key = location.s3Key(key);
        ObjectLockRetentionMode mode = ObjectLockRetentionMode.fromValue(lock.mode().name());
        try {
            if (!holds(readRetention(s3Key, versionId), mode, retainUntil)) {
                s3.putObjectRetention(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId)
                        .retention(retention -> retention.mode(mode).retainUntilDate(retainUntil)));
                ObjectLockRetention after = readRetention(s3Key, versionId);
                if (!holds(after, mode, retainUntil)) {
                    problems.add("the server reports retention " + describe(after) + " instead of " + mode
                            + " until " + retainUntil);
                }
            }
        } catch (SdkException e) {
            problems.add("retention could not be set or read back: " + reason(e));
        }
        if (lock.legalHold()) {
            try {
                if (!legalHoldOn(s3Key, versionId)) {
                    s3.putObjectLegalHold(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId)
                            .legalHold(hold -> hold.status(ObjectLockLegalHoldStatus.ON)));
                    if (!legalHoldOn(s3Key, versionId)) {
                        problems.add("the server does not report the legal hold");
                    }
                }
            } catch (SdkException e) {
                problems.add("the legal hold could not be set or read back: " + reason(e));
            }
        }
        return problems.isEmpty() ? List.of() : List.of("Object Lock not confirmed on " + location.uri(key)
                + ": " + String.join("; ", problems) + ". This backup is NOT protected by Object Lock: "
                + "create the bucket with Object Lock enabled");
    }

    private ObjectLockRetention readRetention(String s3Key, String versionId) {
        try {
            return s3.getObjectRetention(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId))
                    .retention();
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e) || "NoSuchObjectLockConfiguration".equals(S3Errors.errorCode(e))) {
                return null;
            }
            throw e;
        }
    }

    private boolean legalHoldOn(String s3Key, String versionId) {
        try {
            return s3.getObjectLegalHold(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId))
                    .legalHold().status() == ObjectLockLegalHoldStatus.ON;
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e) || "NoSuchObjectLockConfiguration".equals(S3Errors.errorCode(e))) {
                return false;
            }
            throw e;
        }
    }

    private static boolean holds(ObjectLockRetention retention, ObjectLockRetentionMode mode, Instant retainUntil) {
        return retention != null && retention.mode() == mode && retention.retainUntilDate() != null
                && !retention.retainUntilDate().isBefore(retainUntil);
    }

    private static String describe(ObjectLockRetention retention) {
        return retention == null ? "none" : retention.modeAsString() + " until " + retention.retainUntilDate();
    }

    private static String reason(SdkException e) {
        String code = S3Errors.errorCode(e);
        return code != null ? code : Messages.firstLine(e);
    }
}
