/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.Secret;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** An S3Mock server, a client for checking what the server holds, and fresh buckets per test. */
public final class S3Fixture implements AutoCloseable {

    /** S3Mock does not check credentials; these are sent anyway. */
    public static final String ACCESS_KEY = "planb-test";
    /** The secret key the tests use; it must never appear in output. */
    public static final String SECRET_KEY = "planb-test-secret-7d1e";

    private final S3MockServer server;
    private final S3Client client;

    S3Fixture(S3MockServer server) {
        this.server = server;
        this.client = server.client();
        // For s3:// URIs given to the command line inside this JVM: trust the server, use the test keys.
        server.trustInThisJvm();
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
    }

    static S3Fixture startShared() {
        try {
            return new S3Fixture(S3MockServer.start());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start S3Mock for the S3 tests: " + e.getMessage(), e);
        }
    }

    /** The server. */
    public S3MockServer server() {
        return server;
    }

    /** A client with full rights, to inspect the server. */
    public S3Client client() {
        return client;
    }

    /** A new, empty bucket. */
    public String newBucket() {
        String bucket = "planb-" + UUID.randomUUID().toString().substring(0, 13);
        client.createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /** A new, empty bucket created with Object Lock enabled. */
    public String newLockedBucket() {
        String bucket = "planb-lock-" + UUID.randomUUID().toString().substring(0, 13);
        client.createBucket(request -> request.bucket(bucket).objectLockEnabledForBucket(true));
        return bucket;
    }

    /** A destination builder for {@code bucket} on this server, with explicit (test) credentials. */
    public S3Destination.Builder destination(String bucket) {
        return S3Destination.builder().bucket(bucket).endpoint(server.endpoint()).pathStyle(true)
                .credentials(ACCESS_KEY, Secret.of(SECRET_KEY));
    }

    /** The URI the command line takes for {@code bucket/prefix}. */
    public String uri(String bucket, String prefix) {
        return "s3://" + bucket + "/" + prefix + "?endpoint=" + server.endpoint() + "&pathStyle=true";
    }

    /** The environment that gives a command-line process the test keys, as a user would. */
    public Map<String, String> credentialsEnvironment() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }

    /** Multipart uploads started and neither completed nor aborted. */
    public List<MultipartUpload> pendingUploads(String bucket) {
        return client.listMultipartUploads(request -> request.bucket(bucket)).uploads();
    }

    /** Every object key in the bucket. */
    public List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .map(object -> object.key()).toList();
    }

    @Override
    public void close() throws Exception {
        client.close();
        server.close();
    }
}
