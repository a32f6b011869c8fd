/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/** Makes the SDK client an {@link S3Destination} uses when it is not given one. */
final class S3Clients {

    /** The region S3-compatible servers are asked for when none is set. */
    static final String DEFAULT_COMPATIBLE_REGION = "us-east-1";

    private S3Clients() {
    }

    /** The region to sign for: the given one, else the SDK's default, else us-east-1 for an endpoint. */
    static String region(String region, URI endpoint, String bucket) {
        if (region != null && !region.isBlank()) {
            return region.trim();
        }
        if (endpoint != null) {
            return DEFAULT_COMPATIBLE_REGION;
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "S3 bucket '" + bucket
                    + "' has no region: add ?region=eu-west-1 (say) to the s3:// URI, or set AWS_REGION", e);
        }
    }

    static S3Client create(String region, URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials,
            int partsInFlight) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(Math.max(16, 2 * partsInFlight + 4))
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
