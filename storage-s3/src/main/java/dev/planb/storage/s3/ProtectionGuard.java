/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.CanaryCheck;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Enforces the protection a destination asked for after each upload: the Object Lock of every
 * object is confirmed, and write-only credentials are confirmed to be unable to delete (once per
 * destination). Protection that is not in force fails the upload, so the backup never gets its
 * manifest there, unless the user accepted unprotected copies ({@code lockRequired=false}): then
 * it is a warning of the run.
 */
final class ProtectionGuard {

    /** The version id S3 gives objects written while versioning was off: a delete of it needs the delete permission. */
    private static final String NULL_VERSION = "null";

    private final S3Client s3;
    private final S3Location location;
    private final LockConfirmation lockConfirmation;
    private final boolean writeOnly;
    private final boolean required;
    private volatile Optional<String> writeOnlyProblem;

    ProtectionGuard(S3Client s3, S3Location location, boolean writeOnly, boolean required) {
        this.s3 = s3;
        this.location = location;
        this.lockConfirmation = new LockConfirmation(s3, location);
        this.writeOnly = writeOnly;
        this.required = required;
    }

    /** What protection was asked for and must be in force, e.g. {@code Object Lock (COMPLIANCE, 30 days)}. */
    Optional<String> requiredProtection(ObjectLock lock) {
        List<String> asked = new ArrayList<>();
        if (lock != null) {
            asked.add("Object Lock (" + lock.describe() + ")");
        }
        if (writeOnly) {
            asked.add("write-only credentials");
        }
        return required && !asked.isEmpty() ? Optional.of(String.join(" and ", asked)) : Optional.empty();
    }

    /**
     * Checks a committed object's protection.
     *
     * @param discard removes the object when its protection is missing and required
     * @return warnings when protection is missing and the user accepted that; empty when in force
     * @throws PlanBException {@link ErrorCode#DESTINATION_FAILED} naming the missing protection and what to configure
     */
    List<String> afterCommit(String key, String versionId, UploadOptions options, Instant retainUntil,
            Runnable discard) {
        if (!options.enforceProtection()) {
            return options.lock() == null ? List.of() : lockConfirmation.confirm(key, versionId, options.lock(), retainUntil);
        }
        List<String> problems = new ArrayList<>();
        if (options.lock() != null) {
            problems.addAll(lockConfirmation.confirm(key, versionId, options.lock(), retainUntil));
        }
        if (writeOnly) {
            writeOnlyProblem().ifPresent(problems::add);
        }
        if (problems.isEmpty() || !required) {
            return problems;
        }
        discard.run();
        throw new PlanBException(ErrorCode.DESTINATION_FAILED, String.join("; ", problems)
                + " (or add lockRequired=false to the destination to accept unprotected copies)");
    }

    /** Whether these credentials can delete after all; asked once, with a delete of an object that does not exist. */
    private Optional<String> writeOnlyProblem() {
        Optional<String> known = writeOnlyProblem;
        if (known == null) {
            known = probeDelete();
            writeOnlyProblem = known;
        }
        return known;
    }

    private Optional<String> probeDelete() {
        String probe = location.s3Key(CanaryCheck.newKey(Instant.now()));
        try {
            s3.deleteObject(request -> request.bucket(location.bucket()).key(probe).versionId(NULL_VERSION));
        } catch (SdkException e) {
            if (S3Errors.isAccessDenied(e)) {
                return Optional.empty();
            }
            if (!S3Errors.isNotFound(e)) {
                return Optional.of("writeOnly is set for " + location.description() + " but whether these credentials"
                        + " can delete could not be confirmed (" + S3Errors.errorCode(e) + "): this backup is NOT"
                        + " protected from deletion: deny s3:DeleteObject and s3:DeleteObjectVersion to them");
            }
        }
        return Optional.of("writeOnly is set for " + location.description() + " but these credentials can delete"
                + " backups there: this backup is NOT protected from deletion: deny s3:DeleteObject and"
                + " s3:DeleteObjectVersion to them in the bucket or IAM policy");
    }
}
