/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

/**
 * Receives {@link Progress} reports while a backup or restore runs, at most a few times a second
 * and once more when it is done. Called on PlanB's thread: return quickly.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = progress -> { };

    /**
     * Called with the latest progress.
     *
     * @param progress how far the operation has come; {@link Progress#done()} on the last call
     */
    void onProgress(Progress progress);
}
