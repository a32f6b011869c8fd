/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.planb.Secret;

/**
 * How PlanB signs in to the storage account: a connection string, a SAS token, or (when neither
 * is given) the SDK's default credential chain (environment, managed identity, Azure CLI…).
 * Never printed: {@link #toString()} names only the kind.
 */
final class AzureCredentials {

    private final Secret connectionString;
    private final Secret sasToken;
    private final String source;

    private AzureCredentials(Secret connectionString, Secret sasToken, String source) {
        this.connectionString = connectionString;
        this.sasToken = sasToken;
        this.source = source;
    }

    /** A connection string ({@code DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…}), from {@code source}. */
    static AzureCredentials connectionString(Secret value, String source) {
        return new AzureCredentials(value, null, source);
    }

    /** A SAS token ({@code sv=…&sig=…}, with or without the leading {@code ?}), from {@code source}. */
    static AzureCredentials sasToken(Secret value, String source) {
        String token = value.reveal().startsWith("?") ? value.reveal().substring(1) : value.reveal();
        return new AzureCredentials(null, Secret.of(token), source);
    }

    /** The SDK's default chain: {@code AZURE_CLIENT_ID}/…, managed identity, the Azure CLI's login. */
    static AzureCredentials defaultChain() {
        return new AzureCredentials(null, null, "the default Azure credential chain (environment, managed identity, "
                + "Azure CLI)");
    }

    /** Puts these credentials on the client builder, whose endpoint is already set. */
    void applyTo(BlobServiceClientBuilder builder) {
        if (connectionString != null) {
            builder.connectionString(connectionString.reveal());
        } else if (sasToken != null) {
            builder.credential(new AzureSasCredential(sasToken.reveal()));
        } else {
            builder.credential(new DefaultAzureCredentialBuilder().build());
        }
    }

    /** Whether a connection string is used (it carries its own endpoint). */
    boolean isConnectionString() {
        return connectionString != null;
    }

    /** The SAS token, to keep it out of messages; {@code null} without one. */
    String sasTokenForRedaction() {
        return sasToken == null ? null : sasToken.reveal();
    }

    /** The account key inside a connection string, to keep it out of messages; {@code null} without one. */
    String accountKeyForRedaction() {
        if (connectionString == null) {
            return null;
        }
        for (String part : connectionString.reveal().split(";")) {
            if (part.startsWith("AccountKey=")) {
                return part.substring("AccountKey=".length());
            }
        }
        return null;
    }

    /** Where the credentials came from, e.g. {@code the connection string in AZURE_STORAGE_CONNECTION_STRING}. */
    String describe() {
        return source;
    }

    @Override
    public String toString() {
        return "AzureCredentials[" + source + "]";
    }
}
