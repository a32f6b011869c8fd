/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import java.util.List;
import java.util.Optional;

/**
 * How one destination fared in a backup run.
 *
 * @param destination the destination's {@link dev.planb.spi.Destination#description()}
 * @param error why it failed, or {@code null} when it holds a complete backup
 * @param warnings what is wrong with a stored backup without making it fail, one line each, e.g.
 *     an Object Lock the storage did not confirm: the backup is there but not protected
 */
public record DestinationResult(String destination, String error, List<String> warnings) {

    /**
     * Copies the warnings.
     *
     * @param destination the destination's description
     * @param error why it failed, or {@code null} when it holds a complete backup
     * @param warnings what is wrong with a stored backup without making it fail, one line each
     */
    public DestinationResult {
        warnings = List.copyOf(warnings);
    }

    /**
     * A result without warnings.
     *
     * @param destination the destination's description
     * @param error why it failed, or {@code null} when it holds a complete backup
     */
    public DestinationResult(String destination, String error) {
        this(destination, error, List.of());
    }

    /**
     * A destination that holds the complete backup.
     *
     * @param destination the destination's description
     * @return a result without error or warnings
     */
    public static DestinationResult succeeded(String destination) {
        return new DestinationResult(destination, null);
    }

    /**
     * A destination that holds the complete backup, with what the storage reported as not right.
     *
     * @param destination the destination's description
     * @param warnings one line each, e.g. an Object Lock the storage did not confirm
     * @return a result without error
     */
    public static DestinationResult succeeded(String destination, List<String> warnings) {
        return new DestinationResult(destination, null, warnings);
    }

    /**
     * A destination that failed.
     *
     * @param destination the destination's description
     * @param error the one-line reason
     * @return a result without warnings
     */
    public static DestinationResult failed(String destination, String error) {
        return new DestinationResult(destination, error);
    }

    /** {@return whether the destination holds the complete backup} */
    public boolean succeeded() {
        return error == null;
    }

    /** {@return the reason for a failure; empty when the destination succeeded} */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }
}
