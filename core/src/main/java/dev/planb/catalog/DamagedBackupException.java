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

    /**
     * A refusal because of a damaged backup.
     *
     * @param damaged the damaged backup that stands in the way
     * @param message one line saying what was refused and what to do
     */
    public DamagedBackupException(DamagedBackup damaged, String message) {
        super(ErrorCode.DAMAGED_BACKUP, message);
        this.damaged = damaged;
    }

    /** {@return the damaged backup that stands in the way; null after deserialization} */
    public DamagedBackup damaged() {
        return damaged;
    }
}
