package dev.planb.cli;

import dev.planb.status.BackupSummary;
import dev.planb.status.PlanStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One line of {@code planb status}, and one object of {@code planb status --json}.
 *
 * @param plan the plan
 * @param state {@code ok}, or {@code stale} when the newest backup is older than the max age
 * @param backupId the newest backup's id
 * @param finishedAt when it finished (UTC)
 * @param ageSeconds its age, in seconds
 * @param storedBytes its size on storage
 * @param maxAgeSeconds the max age checked, or {@code null} without {@code --max-age}
 */
record StatusListing(String plan, String state, String backupId, Instant finishedAt, long ageSeconds,
        long storedBytes, Long maxAgeSeconds) {

    static StatusListing of(PlanStatus status, Instant now) {
        BackupSummary newest = status.lastSuccess().orElseThrow();
        return new StatusListing(status.plan(), status.isStale() ? "stale" : "ok", newest.id().value(), newest.time(),
                Duration.between(newest.time(), now).getSeconds(), newest.storedBytes(),
                status.maxAge().map(Duration::getSeconds).orElse(null));
    }

    boolean stale() {
        return "stale".equals(state);
    }
}
