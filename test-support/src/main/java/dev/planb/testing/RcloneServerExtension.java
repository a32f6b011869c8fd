/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link RcloneServer} parameter (a WebDAV server and its rclone.conf): one server per JVM, started on first use and
 * stopped when the test run ends.
 */
public final class RcloneServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RcloneServer.class);

    /** Made by JUnit for {@code @ExtendWith(RcloneServerExtension.class)}. */
    public RcloneServerExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RcloneServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RcloneServer.class, key -> {
            try {
                return RcloneServer.start();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, RcloneServer.class);
    }
}
