/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.spi.ObjectWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Streams one object to S3 without a temporary file: bytes fill a part-sized buffer, full
 * buffers upload as multipart parts on the destination's upload threads, at most
 * {@code partsInFlight} at a time (the writer waits for a free buffer), so memory is bounded by
 * {@code (partsInFlight + 1) × partSize}. An object smaller than one part is sent with a single
 * PutObject. Nothing is visible until {@link #commit()} completes the upload; {@link #close()}
 * without a commit, or any failure, aborts the multipart upload so no part is left behind.
 */
final class MultipartWriter extends ObjectWriter {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartWriter.class);
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final int FIRST_BUFFER_SIZE = 256 * 1024;

    private final S3Client s3;
    private final S3Location location;
    private final S3Errors errors;
    private final String key;
    private final String s3Key;
    private final UploadOptions options;
    private final ExecutorService uploads;
    private final ProtectionGuard protection;
    private final Instant retainUntil;

    private final BlockingQueue<byte[]> freeBuffers = new LinkedBlockingQueue<>();
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private int buffersAllocated;
    private byte[] buffer;
    private int filled;
    private String uploadId;
    private volatile SdkException partFailure;
    private boolean finished;
    private List<String> warnings = List.of();
    private String versionId;

    MultipartWriter(S3Client s3, S3Location location, String key, UploadOptions options, ExecutorService uploads,
            ProtectionGuard protection, Instant now) {
        this.s3 = s3;
        this.location = location;
        this.errors = new S3Errors(location);
        this.key = key;
        this.s3Key = location.s3Key(key);
        this.options = options;
        this.uploads = uploads;
        this.protection = protection;
        this.retainUntil = options.lock() == null ? null : options.lock().retainUntil(now);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            if (buffer == null) {
                buffer = takeBuffer(options.partSize(parts.size() + 1));
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == buffer.length) {
                int partSize = options.partSize(parts.size() + 1);
                if (buffer.length < partSize) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, 2L * buffer.length));
                } else {
                    uploadPart();
                }
            }
        }
    }

    @Override
    public void commit() throws IOException {
        ensureOpen();
        try {
            if (uploadId == null) {
                putSingleObject();
            } else {
                if (filled > 0) {
                    uploadPart();
                }
                completeMultipartUpload();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        finished = true;
        buffer = null;
        freeBuffers.clear();
        warnings = protection.afterCommit(key, versionId, options, retainUntil, this::discardCommitted);
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** The committed object's version, when the bucket keeps versions. */
    String versionId() {
        return versionId;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        buffer = null;
        for (Future<CompletedPart> part : parts) {
            awaitQuietly(part);
        }
        freeBuffers.clear();
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(request -> request.bucket(location.bucket()).key(s3Key).uploadId(uploadId));
                LOG.debug("Aborted the multipart upload of {}", location.uri(key));
            } catch (SdkException e) {
                if (S3Errors.isNotFound(e)) {
                    LOG.debug("The multipart upload of {} was already gone", location.uri(key));
                    return;
                }
                LOG.warn("Could not abort the multipart upload of {} (a lifecycle rule removes it later): {}",
                        location.uri(key), errors.translate("abort the upload of", key, e).getMessage());
            }
        }
    }

    /** Best effort: an object whose required protection is missing is not left behind as a leftover. */
    private void discardCommitted() {
        try {
            s3.deleteObject(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId));
        } catch (SdkException e) {
            LOG.debug("Could not remove the unprotected {} ({}); planb cleanup removes it later", location.uri(key),
                    S3Errors.errorCode(e));
        }
    }

    private void putSingleObject() throws IOException {
        byte[] content = buffer == null ? new byte[0] : buffer;
        int length = filled;
        try {
            versionId = s3.putObject(request -> request.bucket(location.bucket()).key(s3Key).contentType(CONTENT_TYPE)
                    .storageClass(options.storageClassFor(key)).contentLength((long) length)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32)
                    .objectLockMode(lockMode()).objectLockRetainUntilDate(retainUntil)
                    .objectLockLegalHoldStatus(legalHold()), body(content, length)).versionId();
        } catch (SdkException e) {
            throw errors.translate("write", key, e);
        }
    }

    private void uploadPart() throws IOException {
        if (uploadId == null) {
            try {
                uploadId = s3.createMultipartUpload(request -> request.bucket(location.bucket()).key(s3Key)
                        .contentType(CONTENT_TYPE).storageClass(options.storageClassFor(key))
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32)
                        .objectLockMode(lockMode()).objectLockRetainUntilDate(retainUntil)
                        .objectLockLegalHoldStatus(legalHold())).uploadId();
            } catch (SdkException e) {
                throw errors.translate("start an upload to", key, e);
            }
        }
        int partNumber = parts.size() + 1;
        byte[] content = buffer;
        int length = filled;
        buffer = null;
        filled = 0;
        parts.add(uploads.submit(() -> {
            try {
                UploadPartResponse response = s3.uploadPart(request -> request.bucket(location.bucket()).key(s3Key)
                        .uploadId(uploadId).partNumber(partNumber).contentLength((long) length)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32), body(content, length));
                return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag())
                        .checksumCRC32(response.checksumCRC32()).build();
            } catch (SdkException e) {
                if (partFailure == null) {
                    partFailure = e;
                }
                throw e;
            } finally {
                freeBuffers.add(content);
            }
        }));
    }

    private void completeMultipartUpload() throws IOException {
        List<CompletedPart> completed = new ArrayList<>();
        for (Future<CompletedPart> part : parts) {
            completed.add(await(part));
        }
        try {
            versionId = s3.completeMultipartUpload(request -> request.bucket(location.bucket()).key(s3Key)
                    .uploadId(uploadId).multipartUpload(upload -> upload.parts(completed))).versionId();
        } catch (SdkException e) {
            throw errors.translate("complete the upload of", key, e);
        }
        uploadId = null;
    }

    /** A buffer for the next part: a free one, a new one while fewer than partsInFlight + 1 exist, or it waits. */
    private byte[] takeBuffer(int size) throws IOException {
        failIfAPartFailed();
        byte[] free = freeBuffers.poll();
        if (free == null && buffersAllocated > options.partsInFlight()) {
            try {
                free = freeBuffers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while uploading " + location.uri(key));
            }
            failIfAPartFailed();
        }
        if (free != null && free.length == size) {
            return free;
        }
        if (free == null) {
            buffersAllocated++;
        }
        // The first buffer starts small and grows, so small objects (manifests) cost little memory.
        return new byte[parts.isEmpty() ? Math.min(FIRST_BUFFER_SIZE, size) : size];
    }

    private CompletedPart await(Future<CompletedPart> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading " + location.uri(key));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SdkException sdk ? errors.translate("write", key, sdk)
                    : new IOException("Cannot write " + location.uri(key) + ": " + e.getCause(), e.getCause());
        }
    }

    private static void awaitQuietly(Future<CompletedPart> part) {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Already reported by the write or commit that failed; the upload is aborted next.
        }
    }

    private void failIfAPartFailed() throws IOException {
        SdkException failure = partFailure;
        if (failure != null) {
            throw errors.translate("write", key, failure);
        }
    }

    private void ensureOpen() throws IOException {
        if (finished) {
            throw new IOException(location.uri(key) + " is already committed or discarded");
        }
    }

    private ObjectLockMode lockMode() {
        return options.lock() == null ? null : ObjectLockMode.fromValue(options.lock().mode().name());
    }

    private ObjectLockLegalHoldStatus legalHold() {
        return options.lock() != null && options.lock().legalHold() ? ObjectLockLegalHoldStatus.ON : null;
    }

    private static RequestBody body(byte[] content, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, 0, length), length, CONTENT_TYPE);
    }
}
