/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.spi.Layout;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * How objects are uploaded.
 *
 * @param partSize bytes per multipart part (the last may be smaller); at least 5 MiB
 * @param partsInFlight how many parts upload at once; memory is about
 *     {@code (partsInFlight + 1) × partSize}
 * @param storageClass the storage class of backup artifacts, or null for the bucket's default
 * @param lock the Object Lock each object gets, or null for none
 * @param enforceProtection whether missing protection fails the upload (backups) or is only reported (the canary
 *     of {@code planb check})
 */
record UploadOptions(int partSize, int partsInFlight, StorageClass storageClass, ObjectLock lock,
        boolean enforceProtection) {

    /** Parts per object before the part size doubles, so huge backups stay under S3's 10,000 parts. */
    static final int PARTS_PER_SIZE_STEP = 2_000;
    /** S3's largest part. */
    static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

    /**
     * The storage class of one object. Manifests and restore guides stay in the bucket's default
     * class, so listing and reading a backup's description never needs an archive retrieval.
     */
    StorageClass storageClassFor(String key) {
        if (storageClass == null || key.endsWith("/" + Layout.MANIFEST) || key.endsWith("/" + Layout.RESTORE_GUIDE)) {
            return null;
        }
        return storageClass;
    }

    /** The size of part {@code partNumber} (from 1): it doubles every {@link #PARTS_PER_SIZE_STEP} parts. */
    int partSize(int partNumber) {
        long size = (long) partSize << Math.min(20, (partNumber - 1) / PARTS_PER_SIZE_STEP);
        return (int) Math.min(size, Math.min(MAX_PART_SIZE, Integer.MAX_VALUE - 8));
    }
}
