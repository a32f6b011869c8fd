/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import dev.planb.Progress;
import dev.planb.catalog.DamagedBackup;
import dev.planb.event.DestructiveChange;
import dev.planb.hold.Hold;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where one plan stands: what health checks, metrics, the command line and status pages read.
 *
 * @param plan the plan's name
 * @param state idle, running, stale, or damaged (a destination's newest backup is damaged)
 * @param progress the running backup's progress, while one runs
 * @param lastSuccess the newest backup stored on at least one destination
 * @param lastFailure the last failed run (failures are not on storage, so a restart forgets them)
 * @param lastVerification the last verification
 * @param nextRun when the next backup is scheduled
 * @param maxAge how old the newest backup may get, if the plan is watched
 * @param destinations each destination's own status
 * @param destructiveChange the destructive change still open (see {@link PlanState#DESTRUCTIVE_CHANGE})
 * @param holds the active holds on the plan's backups, over all destinations, newest first
 */
public record PlanStatus(String plan, PlanState state, Optional<Progress> progress,
        Optional<BackupSummary> lastSuccess, Optional<Failure> lastFailure,
        Optional<VerificationSummary> lastVerification, Optional<Instant> nextRun, Optional<Duration> maxAge,
        List<DestinationStatus> destinations, Optional<DestructiveChange> destructiveChange, List<Hold> holds) {

    /**
     * Copies the lists.
     *
     * @param plan the plan's name
     * @param state idle, running, stale, or damaged
     * @param progress the running backup's progress, while one runs
     * @param lastSuccess the newest backup stored on at least one destination
     * @param lastFailure the last failed run
     * @param lastVerification the last verification
     * @param nextRun when the next backup is scheduled
     * @param maxAge how old the newest backup may get, if the plan is watched
     * @param destinations each destination's own status
     * @param destructiveChange the destructive change still open
     * @param holds the active holds on the plan's backups, over all destinations, newest first
     */
    public PlanStatus {
        destinations = List.copyOf(destinations);
        holds = List.copyOf(holds);
    }

    /**
     * A status without destructive change or hold.
     *
     * @param plan the plan's name
     * @param state idle, running, stale, or damaged
     * @param progress the running backup's progress, while one runs
     * @param lastSuccess the newest backup stored on at least one destination
     * @param lastFailure the last failed run
     * @param lastVerification the last verification
     * @param nextRun when the next backup is scheduled
     * @param maxAge how old the newest backup may get, if the plan is watched
     * @param destinations each destination's own status
     */
    public PlanStatus(String plan, PlanState state, Optional<Progress> progress, Optional<BackupSummary> lastSuccess,
            Optional<Failure> lastFailure, Optional<VerificationSummary> lastVerification, Optional<Instant> nextRun,
            Optional<Duration> maxAge, List<DestinationStatus> destinations) {
        this(plan, state, progress, lastSuccess, lastFailure, lastVerification, nextRun, maxAge, destinations,
                Optional.empty(), List.of());
    }

    /**
     * Tells how old the newest backup is.
     *
     * @param now the time to measure at
     * @return the newest backup's age at {@code now}; empty when there is none
     */
    public Optional<Duration> age(Instant now) {
        return lastSuccess.map(success -> Duration.between(success.time(), now));
    }

    /**
     * This status with the next scheduled run, which the scheduler knows.
     *
     * @param next the next scheduled run, or empty
     * @return a copy with {@code next} as {@link #nextRun()}
     */
    public PlanStatus withNextRun(Optional<Instant> next) {
        return new PlanStatus(plan, state, progress, lastSuccess, lastFailure, lastVerification, next, maxAge,
                destinations, destructiveChange, holds);
    }

    /** {@return the damaged backups found on the destinations, newest first} */
    public List<DamagedBackup> damaged() {
        return destinations.stream().flatMap(destination -> destination.damaged().stream())
                .sorted(Comparator.comparing(DamagedBackup::id).reversed()).toList();
    }

    /**
     * {@return the damaged backups that are the newest backup on their destination: the plan is not protected as
     * it seems}
     */
    public List<DamagedBackup> newestDamaged() {
        return destinations.stream().map(DestinationStatus::newestDamaged).flatMap(Optional::stream).toList();
    }

    /** {@return whether the plan is stale: no successful backup within its max age ({@link PlanState#STALE})} */

    public boolean isStale() {
        return state == PlanState.STALE;
    }

    /**
     * Whether the plan needs attention: stale, its newest backup damaged, or its last verification failed.
     * Health checks (the starter's, {@code planb run --http}) report DOWN then.
     *
     * @return whether the plan needs attention
     */
    public boolean needsAttention() {
        return isStale() || !newestDamaged().isEmpty()
                || lastVerification.map(verification -> !verification.passed()).orElse(false);
    }

    /**
     * Whether the plan needs attention, counting an open destructive change as such when {@code destructiveChangeIsDown}:
     * for health checks configured to go DOWN on one. By default a destructive change is a state of its own.
     *
     * @param destructiveChangeIsDown whether an open destructive change counts
     * @return whether the plan needs attention
     */

    public boolean needsAttention(boolean destructiveChangeIsDown) {
        return needsAttention() || destructiveChangeIsDown && destructiveChange.isPresent();
    }
}
