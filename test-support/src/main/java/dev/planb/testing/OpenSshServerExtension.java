/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link OpenSshServer} parameter: one server per JVM, started on first use and
 * stopped when the test run ends.
 */
public final class OpenSshServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenSshServer.class);

    /** Made by JUnit for {@code @ExtendWith(OpenSshServerExtension.class)}. */
    public OpenSshServerExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenSshServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(OpenSshServer.class, key -> {
            try {
                return OpenSshServer.start();
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, OpenSshServer.class);
    }
}
