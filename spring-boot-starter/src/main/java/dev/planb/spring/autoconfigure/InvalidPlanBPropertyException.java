/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

/** A {@code planb.*} property the application cannot start with; the message names the property. */
public class InvalidPlanBPropertyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Makes the exception with the message {@code Invalid property PROPERTY: PROBLEM}.
     *
     * @param property the full property name, e.g. {@code planb.destinations[0].uri}
     * @param problem what is wrong and what to do
     */
    public InvalidPlanBPropertyException(String property, String problem) {
        super("Invalid property " + property + ": " + problem);
    }

}
