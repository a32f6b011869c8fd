/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.spi.IncompleteWrite;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.StoredObject;
import dev.planb.spi.support.ResumingInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Backups in an S3 bucket (AWS, or any S3-compatible server through {@code endpoint}). Uploads
 * stream as multipart uploads with bounded memory and no temporary file; an object appears only
 * when its upload completes, and a failed or abandoned upload is aborted. With
 * {@link Builder#objectLock(ObjectLock)} every object is locked, and the lock is read back.
 *
 * <pre>{@code
 * Destination s3 = S3Destination.builder()
 *         .bucket("acme-backups").prefix("prod")
 *         .region("eu-west-1")
 *         .objectLock(ObjectLock.compliance(Duration.ofDays(30)))
 *         .storageClass("STANDARD_IA")
 *         .build();                       // credentials from the SDK's default chain
 * Destination minio = S3DestinationUri.parse("s3://backups/app?endpoint=http://127.0.0.1:9000&pathStyle=true").build();
 * }</pre>
 *
 * <p>Credentials never appear in {@link #description()}, {@link #toString()}, logs or messages.
 * Call {@link #close()} when done to release the HTTP connections (unless you gave your own
 * client).
 */
public final class S3Destination implements Destination, AutoCloseable {

    /** Default bytes per multipart part. */
    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;
    /** Default number of parts uploading at once. */
    public static final int DEFAULT_PARTS_IN_FLIGHT = 4;
    /** S3's smallest part (except the last). */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final S3Client s3;
    private final boolean ownsClient;
    private final S3Location location;
    private final S3Errors errors;
    private final UploadOptions options;
    private final boolean writeOnly;
    private final Clock clock;
    private final ExecutorService uploads;
    private final ProtectionGuard protection;
    private volatile Boolean versioned;

    private S3Destination(Builder builder, S3Location location, S3Client s3, boolean ownsClient) {
        this.s3 = s3;
        this.ownsClient = ownsClient;
        this.location = location;
        this.errors = new S3Errors(location);
        this.options = new UploadOptions(builder.partSize, builder.partsInFlight, builder.storageClass, builder.objectLock,
                true);
        this.writeOnly = builder.writeOnly;
        this.clock = builder.clock;
        this.protection = new ProtectionGuard(s3, location, builder.writeOnly, builder.lockRequired);
        this.uploads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "planb-s3-upload-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts a destination; {@link Builder#bucket(String)} is required.
     *
     * @return a builder with every other setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the name of the bucket the backups are in} */
    public String bucket() {
        return location.bucket();
    }

    /** {@return the key prefix every object is under, without leading or trailing {@code /} ({@code ""} for the bucket's root)} */
    public String prefix() {
        return location.prefix();
    }

    /** {@return the Object Lock every uploaded object gets, or empty when objects are not locked} */
    public Optional<ObjectLock> objectLock() {
        return Optional.ofNullable(options.lock());
    }

    /**
     * Object Lock and write-only credentials, when asked for, unless {@link Builder#lockRequired(boolean)
     * lockRequired(false)} accepted unprotected copies.
     */
    @Override
    public Optional<String> requiredProtection() {
        return protection.requiredProtection(options.lock());
    }

    @Override
    public String description() {
        return location.description();
    }

    @Override
    public ObjectWriter create(String key) {
        return create(key, options);
    }

    /** A writer with other upload options: the protection check locks its canary for a shorter time. */
    MultipartWriter create(String key, UploadOptions uploadOptions) {
        checkKey(key);
        return new MultipartWriter(s3, location, key, uploadOptions, uploads, protection, clock.instant());
    }

    /**
     * Opens an object for reading. A read that fails mid-way (a dropped or timed-out connection, which a restore of
     * many gigabytes meets) goes on from where it stopped with a ranged GET bound to the first response's ETag, up to
     * {@value ResumingInputStream#ATTEMPTS} times in a row without a byte read.
     */
    @Override
    public InputStream open(String key) throws IOException {
        checkKey(key);
        ResponseInputStream<GetObjectResponse> first = get(key, request -> { });
        String etag = first.response().eTag();
        long length = first.response().contentLength() == null ? Long.MAX_VALUE : first.response().contentLength();
        return ResumingInputStream.resume(first, offset -> offset >= length ? InputStream.nullInputStream()
                : get(key, request -> request.range("bytes=" + offset + "-").ifMatch(etag)), description() + "/" + key);
    }

    private ResponseInputStream<GetObjectResponse> get(String key, Consumer<GetObjectRequest.Builder> options)
            throws IOException {
        try {
            return s3.getObject(request -> options.accept(request.bucket(location.bucket()).key(location.s3Key(key))));
        } catch (SdkException e) {
            throw errors.translate("read", key, e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(location.bucket())
                    .prefix(location.listPrefix(prefix))).contents()) {
                if (!object.key().endsWith("/") && object.key().startsWith(location.listPrefix(""))) {
                    objects.add(new StoredObject(location.relativeKey(object.key()), object.size()));
                }
            }
        } catch (SdkException e) {
            throw errors.translate("list", null, e);
        }
        return objects;
    }

    /**
     * Deletes the object, and in a versioned bucket every version of it, so pruning frees the
     * space. Refused with {@link ErrorCode#DELETE_NOT_PERMITTED} ("use a lifecycle rule") on a
     * {@link Builder#writeOnly(boolean) write-only} destination or when the server denies it.
     */
    @Override
    public void delete(String key) throws IOException {
        checkKey(key);
        if (writeOnly) {
            throw errors.deleteNotPermitted(key, null);
        }
        String s3Key = location.s3Key(key);
        try {
            if (!isVersioned()) {
                s3.deleteObject(request -> request.bucket(location.bucket()).key(s3Key));
                return;
            }
            // A plain delete would only hide the object behind a delete marker: remove every version instead.
            for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(request -> request
                    .bucket(location.bucket()).prefix(s3Key))) {
                List<String> versionIds = new ArrayList<>();
                page.versions().stream().filter(version -> version.key().equals(s3Key))
                        .forEach(version -> versionIds.add(version.versionId()));
                page.deleteMarkers().stream().filter(marker -> marker.key().equals(s3Key))
                        .forEach(marker -> versionIds.add(marker.versionId()));
                for (String versionId : versionIds) {
                    s3.deleteObject(request -> request.bucket(location.bucket()).key(s3Key).versionId(versionId));
                }
            }
        } catch (SdkException e) {
            if (S3Errors.isAccessDenied(e)) {
                throw errors.deleteNotPermitted(key, e);
            }
            throw errors.translate("delete", key, e);
        }
    }

    /** The multipart uploads under {@code prefix} that were never completed or aborted (a killed run's). */
    @Override
    public List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        List<IncompleteWrite> writes = new ArrayList<>();
        try {
            s3.listMultipartUploadsPaginator(request -> request.bucket(location.bucket())
                    .prefix(location.listPrefix(prefix))).uploads().forEach(upload -> {
                        if (upload.key().startsWith(location.listPrefix(""))) {
                            writes.add(new IncompleteWrite(location.relativeKey(upload.key()), upload.uploadId(), -1,
                                    upload.initiated()));
                        }
                    });
        } catch (SdkException e) {
            throw errors.translate("list the unfinished uploads of", null, e);
        }
        return writes;
    }

    /** Aborts the multipart upload, which frees its parts. */
    @Override
    public void discard(IncompleteWrite write) throws IOException {
        checkKey(write.key());
        try {
            s3.abortMultipartUpload(request -> request.bucket(location.bucket()).key(location.s3Key(write.key()))
                    .uploadId(write.handle()));
        } catch (SdkException e) {
            if (!S3Errors.isNotFound(e)) {
                throw errors.translate("abort the upload of", write.key(), e);
            }
        }
    }

    @Override
    public boolean canDelete() {
        return !writeOnly;
    }

    /** The object's Object Lock retain-until date, while it is in the future. */
    @Override
    public Optional<Instant> retainedUntil(String key) throws IOException {
        checkKey(key);
        try {
            Instant until = s3.getObjectRetention(request -> request.bucket(location.bucket())
                    .key(location.s3Key(key))).retention().retainUntilDate();
            return Optional.ofNullable(until).filter(date -> date.isAfter(clock.instant()));
        } catch (SdkException e) {
            if (S3Errors.isNotFound(e) || "InvalidRequest".equals(S3Errors.errorCode(e))
                    || "NoSuchObjectLockConfiguration".equals(S3Errors.errorCode(e))) {
                return Optional.empty();
            }
            throw errors.translate("read the Object Lock of", key, e);
        }
    }

    /**
     * Writes a canary, tries to destroy it (its version, in a versioned bucket), and reports
     * "protected", "protected by Object Lock (mode, days)" or "WARNING: these credentials can
     * delete your backups", with the bucket's versioning and Object Lock configuration.
     */
    @Override
    public ProtectionReport checkProtection() throws IOException {
        return new S3ProtectionCheck(this, s3, location, errors, options).run(clock.instant());
    }

    /** Closes the HTTP client (when this destination made it) and the upload threads. */
    @Override
    public void close() {
        uploads.shutdown();
        if (ownsClient) {
            s3.close();
        }
    }

    @Override
    public String toString() {
        return "S3Destination[" + description() + "]";
    }

    /** Whether the bucket keeps object versions (asked once); unknown counts as no. */
    boolean isVersioned() {
        Boolean known = versioned;
        if (known == null) {
            try {
                BucketVersioningStatus status = s3.getBucketVersioning(request -> request.bucket(location.bucket()))
                        .status();
                known = status == BucketVersioningStatus.ENABLED || status == BucketVersioningStatus.SUSPENDED;
            } catch (SdkException e) {
                known = false;
            }
            versioned = known;
        }
        return known;
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.contains("//")) {
            throw new IllegalArgumentException("invalid key: " + key);
        }
    }

    /**
     * Builds an {@link S3Destination}; {@link #build()} checks every setting and names a bad one.
     * Credentials: {@link #credentials(String, Secret)}, {@link #profile(String)},
     * {@link #credentialsProvider(AwsCredentialsProvider)}, or by default the SDK's chain
     * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, {@code AWS_PROFILE}, instance roles…).
     */
    public static final class Builder {
        private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

        private String bucket;
        private String prefix = "";
        private String region;
        private URI endpoint;
        private boolean pathStyle;
        private AwsCredentialsProvider credentials;
        private int partSize = DEFAULT_PART_SIZE;
        private int partsInFlight = DEFAULT_PARTS_IN_FLIGHT;
        private StorageClass storageClass;
        private ObjectLock objectLock;
        private boolean writeOnly;
        private boolean lockRequired = true;
        private S3Client client;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets the bucket (required). PlanB never creates it: it must exist, and for
         * {@link #objectLock(ObjectLock)} it must have been created with Object Lock enabled.
         *
         * @param bucket the bucket's name, 3 to 63 lower-case letters, digits, {@code .} and {@code -}
         *     (checked by {@link #build()})
         * @return this builder
         */
        public Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /**
         * Puts the backups under a key prefix (folder) inside the bucket, so that one bucket can hold
         * several plans or applications.
         *
         * @param prefix folder names separated by {@code /}, e.g. {@code prod/db}; leading and trailing
         *     {@code /} are dropped, {@code null} or {@code ""} (the default) means the bucket's root
         * @return this builder
         */
        public Builder prefix(String prefix) {
            this.prefix = prefix == null ? "" : prefix;
            return this;
        }

        /**
         * Sets the region the bucket is in.
         *
         * @param region an AWS region id, e.g. {@code eu-west-1}; {@code null} (the default) takes the
         *     SDK's ({@code AWS_REGION}, the profile's), or {@code us-east-1} when an
         *     {@link #endpoint(URI) endpoint} is set
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Talks to an S3-compatible server (MinIO, Ceph, Garage, a cloud's S3 API) instead of AWS.
         * Most such servers also need {@link #pathStyle(boolean) pathStyle(true)}.
         *
         * @param endpoint the server's {@code http} or {@code https} address, e.g.
         *     {@code http://127.0.0.1:9000}, without credentials in it; {@code null} (the default) means AWS
         * @return this builder
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Chooses how the bucket is addressed.
         *
         * @param pathStyle {@code true} for path-style requests ({@code endpoint/bucket/key}), as most
         *     S3-compatible servers need; {@code false} (the default) for virtual-hosted requests
         *     ({@code bucket.endpoint/key}), as AWS prefers
         * @return this builder
         */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /**
         * Uses fixed credentials instead of the SDK's default chain. The secret key is only ever
         * handed to the SDK: it appears in no description, log or message.
         *
         * @param accessKeyId the access key id, e.g. {@code AKIA...}
         * @param secretAccessKey the secret access key
         * @return this builder
         */
        public Builder credentials(String accessKeyId, Secret secretAccessKey) {
            this.credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKeyId, secretAccessKey.reveal()));
            return this;
        }

        /**
         * Uses the credentials of a named profile instead of the SDK's default chain.
         *
         * @param profile a profile name in {@code ~/.aws/credentials} or {@code ~/.aws/config}
         * @return this builder
         */
        public Builder profile(String profile) {
            this.credentials = ProfileCredentialsProvider.create(profile);
            return this;
        }

        /**
         * Uses any SDK credentials provider (assumed roles, SSO, web identity…) instead of the SDK's
         * default chain.
         *
         * @param provider the provider the SDK asks for credentials before each request
         * @return this builder
         */
        public Builder credentialsProvider(AwsCredentialsProvider provider) {
            this.credentials = provider;
            return this;
        }

        /**
         * Sets the size of the multipart parts. Every 2,000 parts the size doubles, so that a very large
         * backup stays under S3's 10,000 parts per object; larger parts mean fewer requests and more memory.
         *
         * @param bytes bytes per part at the start of an upload, at least {@link #MIN_PART_SIZE} (default
         *     {@link #DEFAULT_PART_SIZE})
         * @return this builder
         */
        public Builder partSize(int bytes) {
            this.partSize = bytes;
            return this;
        }

        /**
         * Sets how many parts of one object upload at once. Memory per upload is about
         * (parts + 1) × {@link #partSize(int) part size}.
         *
         * @param parts 1 to 32 (default {@link #DEFAULT_PARTS_IN_FLIGHT})
         * @return this builder
         */
        public Builder partsInFlight(int parts) {
            this.partsInFlight = parts;
            return this;
        }

        /**
         * The storage class of backup artifacts, e.g. {@code STANDARD_IA} or {@code GLACIER_IR}
         * (default: the bucket's). Manifests and {@code RESTORE.md} stay in the default class, so
         * listing never needs a retrieval; restoring from a class that does says so.
         *
         * @param storageClass an S3 storage class name, in any case; {@code null} or blank for the bucket's default
         * @return this builder
         * @throws PlanBException ({@link ErrorCode#INVALID_SETTING}) when the SDK knows no such storage class
         */
        public Builder storageClass(String storageClass) {
            if (storageClass == null || storageClass.isBlank()) {
                this.storageClass = null;
                return this;
            }
            StorageClass parsed = StorageClass.fromValue(storageClass.trim().toUpperCase(Locale.ROOT));
            if (parsed == StorageClass.UNKNOWN_TO_SDK_VERSION) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "S3 storage class '" + storageClass
                        + "' is unknown: use one of " + StorageClass.knownValues());
            }
            this.storageClass = parsed;
            return this;
        }

        /**
         * Locks every object of every backup, so that nobody (within the lock's mode) can delete or
         * overwrite it before its retention ends. The bucket must have Object Lock enabled.
         *
         * @param objectLock the mode, retention and legal hold each object gets; {@code null} (the
         *     default) for no lock
         * @return this builder
         */
        public Builder objectLock(ObjectLock objectLock) {
            this.objectLock = objectLock;
            return this;
        }

        /**
         * Declares credentials that may put and list but not delete: pruning then reports "not
         * permitted: use a lifecycle rule" without trying. (Without this, a denied delete is
         * reported the same way.)
         *
         * @param writeOnly {@code true} when the credentials cannot delete; default {@code false}
         * @return this builder
         */
        public Builder writeOnly(boolean writeOnly) {
            this.writeOnly = writeOnly;
            return this;
        }

        /**
         * Whether the protection asked for with {@link #objectLock(ObjectLock)} or {@link #writeOnly(boolean)} must be
         * in force (default true): each upload reads it back, and an object whose lock is not confirmed, or
         * write-only credentials that can delete after all, fail this destination for the run. {@code false}
         * accepts unprotected copies: the run then only warns.
         *
         * @param lockRequired {@code false} to accept a copy whose protection could not be confirmed
         * @return this builder
         */
        public Builder lockRequired(boolean lockRequired) {
            this.lockRequired = lockRequired;
            return this;
        }

        /**
         * Your own configured client (proxies, TLS, metrics); endpoint, region, path style and
         * credentials settings are then ignored, and {@link S3Destination#close()} leaves it open.
         *
         * @param client the client every request goes through; {@code null} (the default) lets
         *     {@link #build()} make one from the other settings
         * @return this builder
         */
        public Builder client(S3Client client) {
            this.client = client;
            return this;
        }

        /** The clock for lock dates; for tests. */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Checks the settings and makes the destination (no request is sent yet).
         *
         * @return a destination to {@link #close()} when done
         * @throws PlanBException ({@link ErrorCode#INVALID_SETTING}) naming the bad setting
         */
        public S3Destination build() {
            if (bucket == null || bucket.isBlank()) {
                throw invalid("S3 destination has no bucket: set bucket(\"name\"), or s3://BUCKET/prefix");
            }
            if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
                throw invalid("S3 bucket name '" + bucket + "' is invalid: 3-63 lower-case letters, digits, '.' and '-'");
            }
            String normalizedPrefix = prefix.replaceAll("^/+|/+$", "");
            if (normalizedPrefix.contains("//") || List.of(normalizedPrefix.split("/")).contains("..")) {
                throw invalid("S3 prefix '" + prefix + "' is invalid: use folder names separated by '/'");
            }
            if (partSize < MIN_PART_SIZE) {
                throw invalid("S3 part size " + partSize + " is too small: S3 needs at least " + MIN_PART_SIZE
                        + " bytes (5 MiB)");
            }
            if (partsInFlight < 1 || partsInFlight > 32) {
                throw invalid("S3 parts in flight must be between 1 and 32, not " + partsInFlight);
            }
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                    || !List.of("http", "https").contains(endpoint.getScheme()))) {
                throw invalid("S3 endpoint '" + endpoint + "' is invalid: use http(s)://host:port");
            }
            if (endpoint != null && endpoint.getUserInfo() != null) {
                throw invalid("S3 endpoint must not hold credentials: use AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
            if (client != null) {
                return new S3Destination(this, new S3Location(bucket, normalizedPrefix, region, endpoint, pathStyle),
                        client, false);
            }
            String resolvedRegion = S3Clients.region(region, endpoint, bucket);
            S3Location location = new S3Location(bucket, normalizedPrefix, region == null && endpoint != null ? null
                    : resolvedRegion, endpoint, pathStyle);
            return new S3Destination(this, location,
                    S3Clients.create(resolvedRegion, endpoint, pathStyle, credentials, partsInFlight), true);
        }

        private static PlanBException invalid(String message) {
            return new PlanBException(ErrorCode.INVALID_SETTING, message);
        }
    }
}
