/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.hold;

import dev.planb.change.TableChange;
import dev.planb.spi.BackupId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A hold on one backup on one destination: while it is active, no pruner deletes the backup (nor what it
 * depends on). It ends when it is released or expires.
 *
 * @param plan the backup's plan
 * @param backupId the backup held
 * @param id the hold's id (its creation time and a random suffix)
 * @param reason why it was placed, as given
 * @param createdAt when it was placed
 * @param expiresAt when it ends by itself
 * @param changedIn for a hold placed on a destructive change: the backup that showed the change
 * @param changes for a hold placed on a destructive change: the tables and their row counts; empty otherwise
 * @param releasedAt when it was released, if it was
 */
public record Hold(String plan, BackupId backupId, BackupId id, String reason, Instant createdAt, Instant expiresAt,
        Optional<BackupId> changedIn, List<TableChange> changes, Optional<Instant> releasedAt) {

    /** Copies the list and checks the fields. */
    public Hold {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        changes = List.copyOf(changes);
    }

    /** What a hold is at a point in time. */
    public enum State {
        /** It keeps its backup from retention. */
        ACTIVE,
        /** It was released. */
        RELEASED,
        /** Its time is over. */
        EXPIRED
    }

    /** The hold's state at {@code now}. */
    public State state(Instant now) {
        if (releasedAt.isPresent()) {
            return State.RELEASED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    /** Whether the hold keeps its backup at {@code now}. */
    public boolean isActive(Instant now) {
        return state(now) == State.ACTIVE;
    }

    /** Whether the hold was placed because a destructive change was detected. */
    public boolean isForDestructiveChange() {
        return changedIn.isPresent();
    }

    /** One line for listings and retention reasons, e.g. {@code held until 2027-01-06T10:00:00Z: before a deploy}. */
    public String describe() {
        return "held until " + (expiresAt.equals(Instant.MAX) ? "released" : expiresAt.toString()) + ": " + reason;
    }
}
