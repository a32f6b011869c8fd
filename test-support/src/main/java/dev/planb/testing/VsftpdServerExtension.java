/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a plain-FTP {@link VsftpdServer} parameter: one server per JVM, started on first use and
 * stopped when the test run ends.
 */
public final class VsftpdServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VsftpdServer.class);

    /** Made by JUnit for {@code @ExtendWith(VsftpdServerExtension.class)}. */
    public VsftpdServerExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VsftpdServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(VsftpdServer.class, key -> {
            try {
                return VsftpdServer.start();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, VsftpdServer.class);
    }
}
