/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Reads that outlast the server's patience: S3Mock ends every response after Spring's asynchronous request
 * timeout, here 1 s, as a proxy or a dropped connection ends a long download.
 */
class S3BrokenOffReadTest {

    private static final String KEY = "app/20261207T000000Z-abcdef/database.pgdump.zst";
    private static final int SIZE = 24 * 1024 * 1024;

    /** The JVM-wide settings a fixture sets for its server, given back to the shared server's tests afterwards. */
    private static final List<String> JVM_SETTINGS = List.of("javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType",
            "javax.net.ssl.trustStorePassword", "aws.accessKeyId", "aws.secretAccessKey");
    private static final Map<String, String> SETTINGS_BEFORE = new HashMap<>();

    private static S3Fixture s3;

    @BeforeAll
    static void startServer() throws Exception {
        JVM_SETTINGS.forEach(name -> SETTINGS_BEFORE.put(name, System.getProperty(name)));
        // Responses end after 1 s; the broken connection is closed 2 s later, not the ~45 s Tomcat waits by default.
        s3 = new S3Fixture(S3MockServer.start("--spring.mvc.async.request-timeout=1000",
                "--server.tomcat.connection-timeout=2000", "--server.tomcat.keep-alive-timeout=2000"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        SETTINGS_BEFORE.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void aSlowReadGoesOnWhereTheServerBrokeItOff() throws Exception {
        String bucket = s3.newBucket();
        byte[] content = randomBytes(1);
        s3.client().putObject(request -> request.bucket(bucket).key(KEY), RequestBody.fromBytes(content));
        // the server does break a slow read off: one response alone does not deliver the object
        assertThatThrownBy(() -> readSlowly(s3.client().getObject(request -> request.bucket(bucket).key(KEY))))
                .isInstanceOf(IOException.class);

        try (S3Destination destination = s3.destination(bucket).build(); InputStream in = destination.open(KEY)) {
            assertThat(readSlowly(in)).isEqualTo(content);
        }
    }

    @Test
    void anObjectReplacedWhileItIsReadIsNotReadOnFromTheNewOne() throws Exception {
        String bucket = s3.newBucket();
        s3.client().putObject(request -> request.bucket(bucket).key(KEY), RequestBody.fromBytes(randomBytes(2)));

        try (S3Destination destination = s3.destination(bucket).build(); InputStream in = destination.open(KEY)) {
            assertThat(in.readNBytes(1024 * 1024)).hasSize(1024 * 1024);
            s3.client().putObject(request -> request.bucket(bucket).key(KEY), RequestBody.fromBytes(randomBytes(3)));

            assertThatThrownBy(() -> readSlowly(in)).isInstanceOf(IOException.class);
        }
    }

    /** Reads to the end, 256 KiB every 30 ms: about 3 s for the object, three times the server's timeout. */
    private static byte[] readSlowly(InputStream in) throws IOException, InterruptedException {
        try (in) {
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                read.write(buffer, 0, n);
                Thread.sleep(30);
            }
            return read.toByteArray();
        }
    }

    private static byte[] randomBytes(long seed) {
        byte[] bytes = new byte[SIZE];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
