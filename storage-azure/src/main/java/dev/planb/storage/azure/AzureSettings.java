/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import com.azure.storage.blob.models.AccessTier;

/**
 * Everything needed to reach the container, as checked by {@link AzureBlobDestination.Builder#build()}.
 *
 * @param account the storage account's name
 * @param container the container
 * @param prefix the folder inside the container, empty or ending in {@code /}
 * @param endpoint the blob service endpoint, or {@code null} for {@code https://ACCOUNT.blob.core.windows.net}
 * @param credentials how to sign in
 * @param tier the access tier for data blobs, or {@code null} for the account's default
 * @param immutability what immutability to set on each blob, or {@code null} for none
 * @param writeOnly whether these credentials may not delete, so PlanB never tries
 * @param blockSize the size of each staged block (and of the memory one upload holds)
 */
record AzureSettings(String account, String container, String prefix, String endpoint, AzureCredentials credentials,
        AccessTier tier, Immutability immutability, boolean writeOnly, int blockSize) {

    /** {@code azblob://account/container/prefix}: no secrets. */
    String description() {
        String path = prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1);
        return "azblob://" + account + "/" + container + path + (endpoint == null ? "" : "?endpoint=" + endpoint);
    }

    /** The service endpoint. */
    String serviceEndpoint() {
        return endpoint != null ? endpoint : "https://" + account + ".blob.core.windows.net";
    }

    /** The blob name of a key. */
    String blobName(String key) {
        return prefix + key;
    }

    @Override
    public String toString() {
        return "AzureSettings[" + description() + "]";
    }
}
