/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a secret (a password, a passphrase, a webhook URL carrying a token) is found: the one way
 * PlanB's configuration names secrets. An environment variable ({@code password-env: PGPW}), a
 * file such as a systemd credential or a Kubernetes secret ({@code password-file: /run/secrets/pg};
 * one trailing line break is dropped), or, where the front end allows it, the value itself. The
 * value is read only by {@link #resolve}; {@link #toString()} never shows it.
 */
public final class SecretRef {

    private enum Kind { ENVIRONMENT, FILE, INLINE }

    private final Kind kind;
    private final String name;

    private SecretRef(Kind kind, String name) {
        this.kind = kind;
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Names a secret held by an environment variable; it is read by {@link #resolve}.
     *
     * @param variable the variable's name, e.g. {@code PGPW}
     * @return the reference
     */
    public static SecretRef environment(String variable) {
        return new SecretRef(Kind.ENVIRONMENT, variable);
    }

    /**
     * Names a secret held by a file; it is read by {@link #resolve}, one trailing line break dropped.
     *
     * @param file the file, e.g. {@code /run/credentials/planb.service/pgpw}
     * @return the reference
     */
    public static SecretRef file(Path file) {
        return new SecretRef(Kind.FILE, file.toString());
    }

    /**
     * Holds a secret given as the value itself, e.g. from a Spring {@code ${VAR}} placeholder.
     *
     * @param value the secret
     * @return the reference; its {@link #toString()} masks the value
     */
    public static SecretRef inline(String value) {
        return new SecretRef(Kind.INLINE, value);
    }

    /**
     * The secret named by the three forms of one setting ({@code KEY}, {@code KEY-env}, {@code KEY-file}).
     *
     * @param setting the setting's full key, named when more than one form is set
     * @param value the {@code KEY} form: the secret itself, or {@code null}
     * @param variable the {@code KEY-env} form: an environment variable's name, or {@code null}
     * @param file the {@code KEY-file} form: a file holding the secret, or {@code null}
     * @return the reference to the one form set; empty when none is set
     * @throws InvalidSettingException when more than one is set
     */
    public static Optional<SecretRef> of(String setting, String value, String variable, Path file) {
        int given = (value != null ? 1 : 0) + (variable != null ? 1 : 0) + (file != null ? 1 : 0);
        if (given > 1) {
            throw new InvalidSettingException(setting, "set only one of " + leaf(setting) + ", " + leaf(setting)
                    + "-env and " + leaf(setting) + "-file");
        }
        if (variable != null) {
            return Optional.of(environment(variable));
        }
        if (file != null) {
            return Optional.of(file(file));
        }
        return Optional.ofNullable(value).map(SecretRef::inline);
    }

    /** {@return whether the value itself was given rather than where to find it} */
    public boolean isInline() {
        return kind == Kind.INLINE;
    }

    /**
     * Reads the secret from the process environment or the file.
     *
     * @return the secret
     * @throws IllegalArgumentException naming the variable or file when it is not set or not readable
     */
    public Secret resolve() {
        return resolve(System::getenv);
    }

    /**
     * Reads the secret.
     *
     * @param environment looks environment variables up (the process environment, or a test's)
     * @return the secret
     * @throws IllegalArgumentException naming the variable or file when it is not set or not readable
     */
    public Secret resolve(UnaryOperator<String> environment) {
        switch (kind) {
            case ENVIRONMENT -> {
                String value = environment.apply(name);
                if (value == null) {
                    throw new IllegalArgumentException("environment variable " + name
                            + " is not set: export it with the secret, then run again");
                }
                return Secret.of(value);
            }
            case FILE -> {
                try {
                    return Secret.of(withoutLineBreak(Files.readString(Path.of(name), StandardCharsets.UTF_8)));
                } catch (NoSuchFileException e) {
                    throw new IllegalArgumentException("secret file " + name
                            + " does not exist: create it (mode 0600) holding only the secret");
                } catch (IOException e) {
                    throw new IllegalArgumentException("secret file " + name + " cannot be read (" + e.getMessage()
                            + "): give the user running PlanB read access");
                }
            }
            default -> {
                return Secret.of(name);
            }
        }
    }

    /** Where the secret comes from, never the secret itself. */
    @Override
    public String toString() {
        return switch (kind) {
            case ENVIRONMENT -> "environment variable " + name;
            case FILE -> "file " + name;
            case INLINE -> "******";
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRef ref && ref.kind == kind && ref.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, name);
    }

    private static String withoutLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String leaf(String setting) {
        return setting.substring(setting.lastIndexOf('.') + 1);
    }
}
