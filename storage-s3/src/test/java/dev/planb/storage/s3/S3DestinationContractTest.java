/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.spi.Destination;
import dev.planb.testing.AbstractDestinationContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The destination contract, on a fresh bucket of a real S3Mock server. */
@ExtendWith(S3MockExtension.class)
class S3DestinationContractTest extends AbstractDestinationContractTest {

    private S3Fixture s3;
    private S3Destination destination;

    @BeforeEach
    void server(S3Fixture s3) {
        this.s3 = s3;
    }

    @AfterEach
    void closeDestination() {
        if (destination != null) {
            destination.close();
        }
    }

    @Override
    protected Destination destination() {
        destination = s3.destination(s3.newBucket()).prefix("backups/prod").partSize(S3Destination.MIN_PART_SIZE).build();
        return destination;
    }
}
