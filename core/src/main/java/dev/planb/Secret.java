/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import java.util.Objects;

/**
 * A password or passphrase. It is only readable through {@link #reveal()}; {@link #toString()}
 * never shows it, so a secret that ends up in a log line or an exception message stays hidden.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * Wraps a secret value.
     *
     * @param value the password or passphrase
     * @return the secret
     * @throws NullPointerException when {@code value} is null
     */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /**
     * Reads a secret from an environment variable.
     *
     * @param variable the variable's name, e.g. {@code PGPASSWORD}
     * @return the secret, read once now
     * @throws PlanBException naming the variable when it is not set
     */
    public static Secret fromEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING,
                    "Environment variable " + variable + " is not set: export it with the password, then run again");
        }
        return new Secret(value);
    }

    /** {@return the secret itself; pass it straight to the driver or tool that needs it, never to a log} */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "******";
    }
}
