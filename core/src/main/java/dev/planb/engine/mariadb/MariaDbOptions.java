/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link MariaDbEngine} finds its tools, and how it restores the definers of views, triggers,
 * events and routines.
 *
 * <pre>{@code
 * new MariaDbEngine(new MariaDbOptions(Path.of("/opt/mariadb/bin")))
 * new MariaDbEngine(MariaDbOptions.DEFAULTS.withDefiners(MariaDbOptions.Definers.CURRENT_USER))
 * }</pre>
 *
 * @param toolDirectory the folder holding {@code mariadb-dump} and {@code mariadb} (or
 *     {@code mysqldump} and {@code mysql}), or {@code null} to search {@code PATH}
 * @param definers what a restore does with the dump's {@code DEFINER} clauses
 */
public record MariaDbOptions(Path toolDirectory, Definers definers) {

    /** The defaults: tools searched for on {@code PATH}, definers kept. */
    public static final MariaDbOptions DEFAULTS = new MariaDbOptions(null);

    /**
     * Requires the definers setting.
     *
     * @param toolDirectory the folder holding the client tools, or {@code null} to search {@code PATH}
     * @param definers what a restore does with the dump's {@code DEFINER} clauses; required
     */
    public MariaDbOptions {
        Objects.requireNonNull(definers, "definers");
    }

    /**
     * Options with this tool folder and the definers kept.
     *
     * @param toolDirectory the folder holding the client tools, or {@code null} to search {@code PATH}
     */
    public MariaDbOptions(Path toolDirectory) {
        this(toolDirectory, Definers.KEEP);
    }

    /**
     * These options with another definers setting.
     *
     * @param definers what a restore does with the dump's {@code DEFINER} clauses
     * @return a copy with {@code definers}; the tool folder stays
     */
    public MariaDbOptions withDefiners(Definers definers) {
        return new MariaDbOptions(toolDirectory, definers);
    }

    /** {@return the tool folder, when one was set} */

    public Optional<Path> tools() {
        return Optional.ofNullable(toolDirectory);
    }

    /** What a restore does with the {@code DEFINER=`user`@`host`} clauses of views, triggers, events and routines. */
    public enum Definers {
        /**
         * Restore them as they are: the objects keep their definers. Creating an object for an account
         * other than the restoring one needs {@code SUPER} or {@code SET USER}.
         */
        KEEP,
        /**
         * Replace each with {@code DEFINER=CURRENT_USER} as the dump streams in: the restoring user
         * defines every view, trigger, event and routine and needs no {@code SUPER}. What changes: objects
         * with {@code SQL SECURITY DEFINER} (the default) then run with the restoring user's privileges,
         * and {@code SHOW CREATE} names that user.
         */
        CURRENT_USER
    }
}
