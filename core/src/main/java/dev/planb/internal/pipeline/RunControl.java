/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.pipeline;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.BackupId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Lets a scheduler stop a backup run from another thread (timeout, shutdown) and see it start.
 * Cancelling and committing exclude each other: once {@link #cancel} has returned {@code true}
 * the run never commits a manifest, and once {@link #beginCommit()} has returned the run can no
 * longer be cancelled (committing takes a few small writes). So whoever wins knows the outcome.
 */
public final class RunControl {

    /** A run nobody cancels or watches, as {@code PlanB.backup(plan)} makes. */
    public static RunControl none() {
        return new RunControl(id -> { });
    }

    private static final PlanBException COMMITTING = new PlanBException(ErrorCode.INTERNAL, "committing");
    private static final PlanBException FINISHED = new PlanBException(ErrorCode.INTERNAL, "finished");

    private final AtomicReference<PlanBException> state = new AtomicReference<>();
    private final Consumer<BackupId> onStart;

    /** @param onStart called on the run's thread with the new backup's id when the dump starts */
    public RunControl(Consumer<BackupId> onStart) {
        this.onStart = onStart;
    }

    /**
     * Stops the run unless it is already committing.
     *
     * @param reason what the run fails with, e.g. "timed out after 4h"
     * @return {@code true} when the run will fail with {@code reason} and leave nothing visible
     */
    public boolean cancel(PlanBException reason) {
        return state.compareAndSet(null, reason);
    }

    /** Why the run was cancelled, if it was. */
    public Optional<PlanBException> cancellation() {
        PlanBException current = state.get();
        return current == COMMITTING || current == FINISHED ? Optional.empty() : Optional.ofNullable(current);
    }

    /**
     * Called by the run before it makes anything visible.
     *
     * @throws PlanBException the cancellation reason, when the run was cancelled
     */
    public void beginCommit() {
        if (!state.compareAndSet(null, COMMITTING)) {
            throw state.get();
        }
    }

    /** Marks the run as over, whatever its outcome, so that a late {@link #cancel} returns {@code false}. */
    public void finish() {
        state.compareAndSet(null, FINISHED);
    }

    /** Reports the backup's identifier to whoever started the run, once the run has chosen it. */
    public void started(BackupId id) {
        onStart.accept(id);
    }
}
