/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.config.DestinationUriResolver;

/**
 * Makes a {@code Destination} from a URI of one scheme ({@code sftp}, {@code s3}); the starter
 * registers one per storage module found on the classpath, and an application may add its own bean.
 * Folders and {@code file:} URIs need none.
 */
public interface DestinationResolver extends DestinationUriResolver {
}
