/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.Objects;

/**
 * One thing a preflight check found before the first backup: whether it blocks a backup, what it is
 * about, and one line that names the setting or the GRANT that fixes it.
 *
 * <pre>{@code
 * Finding.blocker("privileges", "role app cannot read table billing.secret: GRANT SELECT ON billing.secret TO app")
 * }</pre>
 *
 * @param severity how much it matters
 * @param check what was checked, a short lower-case label such as {@code dump tool}, {@code privileges},
 *     {@code filter}, {@code charset}, {@code definer}, {@code streaming} or {@code destination}
 * @param message one line for a person: what was found and what to do
 */
public record Finding(Severity severity, String check, String message) {

    /**
     * Checks the values.
     *
     * @param severity how much it matters
     * @param check what was checked, a short lower-case label
     * @param message one line: what was found and what to do
     * @throws NullPointerException if a value is null
     */
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Something that will make a backup fail, or make one that cannot be restored faithfully.
     *
     * @param check what was checked, a short lower-case label
     * @param message one line: what was found and what to do
     * @return a finding of severity {@code BLOCKER}
     */
    public static Finding blocker(String check, String message) {
        return new Finding(Severity.BLOCKER, check, message);
    }

    /**
     * Something a backup survives but a user should know or fix.
     *
     * @param check what was checked, a short lower-case label
     * @param message one line: what was found and what to do
     * @return a finding of severity {@code WARNING}
     */
    public static Finding warning(String check, String message) {
        return new Finding(Severity.WARNING, check, message);
    }

    /**
     * A check that passed, said in one line.
     *
     * @param check what was checked, a short lower-case label
     * @param message one line: what was found and what to do
     * @return a finding of severity {@code OK}
     */
    public static Finding ok(String check, String message) {
        return new Finding(Severity.OK, check, message);
    }

    /** The finding as one line: {@code BLOCKER  privileges: ...}. */
    @Override
    public String toString() {
        return String.format("%-7s  %s: %s", severity, check, message);
    }

    /** How much a finding matters. */
    public enum Severity {
        /** A backup will fail, or will not restore faithfully: fix it first. */
        BLOCKER,
        /** A backup works, but something is missing or at risk. */
        WARNING,
        /** The check passed. */
        OK
    }
}
