/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import dev.planb.Secret;
import dev.planb.testing.AzuriteServer;
import dev.planb.testing.AzuriteServerExtension;
import dev.planb.testing.CuttingProxy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reads whose connections break off mid-response, as a flaky network or a proxy ends a long download. */
@ExtendWith(AzuriteServerExtension.class)
class AzureBrokenOffReadTest {

    private static final String KEY = "app/20261207T000000Z-abcdef/database.pgdump.zst";
    private static final int SIZE = 8 * 1024 * 1024;
    /** Less than the 4 MiB each of the SDK's ranged reads asks for, so that reads break off mid-response. */
    private static final int CUT_AFTER = 3 * 1024 * 1024;

    AzuriteServer azurite;
    BlobContainerClient container;

    @BeforeEach
    void server(AzuriteServer azurite) {
        this.azurite = azurite;
        this.container = Azurite.newContainer(azurite);
    }

    @Test
    void aReadGoesOnWhereTheConnectionBrokeOff() throws Exception {
        byte[] content = randomBytes(1);
        container.getBlobClient(KEY).upload(BinaryData.fromBytes(content));

        try (CuttingProxy proxy = new CuttingProxy(azuritePort(), CUT_AFTER);
                InputStream in = throughProxy(proxy).build().open(KEY)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
            assertThat(proxy.cuts()).as("connections broken off mid-response").isGreaterThan(0);
        }
    }

    @Test
    void aBlobReplacedWhileItIsReadIsNotReadOnFromTheNewOne() throws Exception {
        container.getBlobClient(KEY).upload(BinaryData.fromBytes(randomBytes(2)));

        try (CuttingProxy proxy = new CuttingProxy(azuritePort(), CUT_AFTER);
                InputStream in = throughProxy(proxy).build().open(KEY)) {
            assertThat(in.readNBytes(1024)).hasSize(1024);
            container.getBlobClient(KEY).upload(BinaryData.fromBytes(randomBytes(3)), true);

            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    private AzureBlobDestination.Builder throughProxy(CuttingProxy proxy) {
        String endpoint = "http://127.0.0.1:" + proxy.port() + "/" + AzuriteServer.ACCOUNT;
        return Azurite.builder(azurite, container.getBlobContainerName()).endpoint(endpoint)
                .connectionString(Secret.of(azurite.connectionString().replace(azurite.endpoint(), endpoint)));
    }

    private int azuritePort() {
        return URI.create(azurite.endpoint()).getPort();
    }

    private static byte[] randomBytes(long seed) {
        byte[] bytes = new byte[SIZE];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
