/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import java.io.IOException;

/**
 * What killed backups leave on the machine that ran them: database snapshot files in
 * {@code java.io.tmpdir}, named after their process, so those of processes that are gone can be told apart from
 * those in use. (Scratch databases of killed drills are dropped by the next drill.) Each new run removes them too; {@code planb cleanup} calls {@link #remove()}.
 */
public final class LocalLeftovers {

    private LocalLeftovers() {
    }

    /**
     * Removes the temporary files of PlanB processes that are gone; files of live processes stay.
     *
     * @throws IOException when {@code java.io.tmpdir} cannot be listed or a leftover cannot be deleted
     */

    public static void remove() throws IOException {
        Snapshots.removeOrphans();
    }
}
