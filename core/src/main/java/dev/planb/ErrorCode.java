/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

/**
 * What went wrong, in a form programs can act on. Each code maps to the exit status of the
 * {@code planb} command line, so scripts can tell a missing backup from a corrupt one.
 */
public enum ErrorCode {
    /** A bug or an unexpected condition; the message and the {@code --verbose} trace say more. */
    INTERNAL(1),
    /** A setting is missing or invalid: the message names it. */
    INVALID_SETTING(2),
    /** No {@code DatabaseEngine} handles the JDBC URL, or its JDBC driver or dump tool is missing or too old. */
    NO_ENGINE(3),
    /** The database cannot be reached or opened (missing file, wrong password, host down). */
    DATABASE_UNAVAILABLE(4),
    /** The dump failed while it was running; no backup was made visible. */
    DUMP_FAILED(5),
    /** A destination could not be written or read. */
    DESTINATION_FAILED(6),
    /** The plan or backup asked for does not exist on the destination. */
    BACKUP_NOT_FOUND(7),
    /** A stored artifact does not match the checksum or size its manifest records. */
    CORRUPT_BACKUP(8),
    /** The restore target already holds data and {@code force} was not given. */
    RESTORE_REFUSED(9),
    /** The restore started but did not complete. */
    RESTORE_FAILED(10),
    /** A restored database does not match what the manifest recorded. */
    VERIFICATION_FAILED(11),
    /** The destination refuses deletes (write-only credentials or immutable storage). */
    DELETE_NOT_PERMITTED(12),
    /** A run took longer than its plan's timeout and was stopped; nothing of it is visible. */
    TIMED_OUT(13),
    /** A run was stopped because its runtime closed; nothing of it is visible. */
    CANCELLED(14),
    /** A plan's newest backup is older than the maximum age asked for ({@code planb status --max-age}). */
    STALE(15),
    /** A preflight ({@code planb doctor}) found something that blocks a backup: each blocker says what to fix. */
    PREFLIGHT_BLOCKED(16),
    /**
     * A backup's manifest does not parse or does not match its own checksum: the backup is damaged.
     * Also {@code planb status} when a plan's newest backup is damaged, and {@code restore}/{@code verify}
     * of {@code latest} when a damaged backup may be newer than the newest intact one.
     */
    DAMAGED_BACKUP(17);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** {@return the exit status the command line uses for this code} */
    public int exitCode() {
        return exitCode;
    }
}
