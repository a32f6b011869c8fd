/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.planb.Secret;
import dev.planb.testing.AzuriteServer;

/** Containers and destinations on the tests' Azurite. */
final class Azurite {

    private Azurite() {
    }

    /** A new, empty container on {@code azurite}. */
    static BlobContainerClient newContainer(AzuriteServer azurite) {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().getBlobContainerClient(AzuriteServer.newContainerName());
        container.create();
        return container;
    }

    /** A builder for {@code container} on {@code azurite}, signing in with the development account's connection string. */
    static AzureBlobDestination.Builder builder(AzuriteServer azurite, String container) {
        return AzureBlobDestination.builder().account(AzuriteServer.ACCOUNT).container(container)
                .endpoint(azurite.endpoint()).connectionString(Secret.of(azurite.connectionString()));
    }
}
