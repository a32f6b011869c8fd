package dev.planb;

import java.util.Optional;

/**
 * How one destination fared in a backup run.
 *
 * @param destination the destination's {@link Destination#description()}
 * @param error why it failed, or {@code null} when it holds a complete backup
 */
public record DestinationResult(String destination, String error) {

    /** A destination that holds the complete backup. */
    public static DestinationResult succeeded(String destination) {
        return new DestinationResult(destination, null);
    }

    /** A destination that failed, with a one-line reason. */
    public static DestinationResult failed(String destination, String error) {
        return new DestinationResult(destination, error);
    }

    /** Whether the destination holds the complete backup. */
    public boolean succeeded() {
        return error == null;
    }

    /** The reason for a failure. */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }
}
