/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import java.time.Instant;

/**
 * Something an interrupted run left on a destination, and what {@link LeftoverCleaner} did with it.
 *
 * @param kind what it is
 * @param location the backup folder ({@code plan/backup-id/}) or the key of the incomplete write
 * @param bytes bytes it holds, or -1 when the storage does not say (unfinished multipart uploads)
 * @param time when it was started (the backup id's time) or last written
 * @param outcome what was done
 * @param detail why it could not be removed; empty otherwise
 */
public record Leftover(Kind kind, String location, long bytes, Instant time, Outcome outcome, String detail) {

    /** The kinds of leftovers. */
    public enum Kind {
        /** A backup folder without a manifest: the run never finished, so it is not a backup. */
        INCOMPLETE_BACKUP("backup without manifest"),
        /** A write that never completed: a hidden partial file or an unfinished multipart upload. */
        INCOMPLETE_WRITE("unfinished write");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** {@return how the report names this kind, e.g. {@code backup without manifest}} */
        public String label() {
            return label;
        }
    }

    /** What was done with a leftover. */
    public enum Outcome {
        /** Removed. */
        REMOVED("removed"),
        /** A dry run: it would be removed. */
        WOULD_REMOVE("would remove"),
        /** The destination refuses deletes (write-only credentials, Object Lock): a lifecycle rule must expire it. */
        NOT_PERMITTED("not permitted"),
        /** Removing it failed; see the detail. */
        FAILED("failed");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        /** {@return how the report names this outcome, e.g. {@code would remove}} */
        public String label() {
            return label;
        }
    }
}
