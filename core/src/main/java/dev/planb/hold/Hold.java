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

    /**
     * Checks that the required fields are set and copies the list of changes.
     *
     * @param plan the backup's plan
     * @param backupId the backup held
     * @param id the hold's id
     * @param reason why it was placed
     * @param createdAt when it was placed
     * @param expiresAt when it ends by itself ({@link Instant#MAX}: only when released)
     * @param changedIn the backup that showed a destructive change; empty for a hold placed by hand
     * @param changes the tables and their row counts for a destructive change; empty otherwise
     * @param releasedAt when it was released; empty while it is not
     * @throws NullPointerException when a field other than {@code changedIn} and {@code releasedAt} is {@code null}
     */
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

    /**
     * Tells what the hold is at a point in time: released wins over expired.
     *
     * @param now the time to judge at
     * @return {@link State#RELEASED} once released, else {@link State#ACTIVE} before {@code expiresAt},
     *     else {@link State#EXPIRED}
     */
    public State state(Instant now) {
        if (releasedAt.isPresent()) {
            return State.RELEASED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    /**
     * Tells whether the hold keeps its backup from retention at a point in time.
     *
     * @param now the time to judge at
     * @return whether it is neither released nor expired at {@code now}
     */
    public boolean isActive(Instant now) {
        return state(now) == State.ACTIVE;
    }

    /** {@return whether the hold was placed because a destructive change was detected} */
    public boolean isForDestructiveChange() {
        return changedIn.isPresent();
    }

    /** {@return one line for listings and retention reasons, e.g. {@code held until 2027-01-06T10:00:00Z: before a deploy}} */
    public String describe() {
        return "held until " + (expiresAt.equals(Instant.MAX) ? "released" : expiresAt.toString()) + ": " + reason;
    }
}
