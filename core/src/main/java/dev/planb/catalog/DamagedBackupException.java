/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;

/**
 * A backup was asked for, by id or as {@code latest}, and a damaged backup stands in the way:
 * {@link ErrorCode#DAMAGED_BACKUP}, with the damaged backup so that callers can report it.
 */
public final class DamagedBackupException extends PlanBException {

    private static final long serialVersionUID = 1L;

    private final transient DamagedBackup damaged;

    /** A refusal because of {@code damaged}; {@code message} says what to do. */
    public DamagedBackupException(DamagedBackup damaged, String message) {
        super(ErrorCode.DAMAGED_BACKUP, message);
        this.damaged = damaged;
    }

    /** The damaged backup. */
    public DamagedBackup damaged() {
        return damaged;
    }
}
