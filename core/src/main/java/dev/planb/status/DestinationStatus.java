package dev.planb.status;

import java.util.Optional;

/**
 * How one destination of a plan stands.
 *
 * @param destination its description
 * @param lastSuccess the newest backup stored there
 * @param lastFailure the last time it failed to store one, or could not be read
 */
public record DestinationStatus(String destination, Optional<BackupSummary> lastSuccess,
        Optional<Failure> lastFailure) {
}
