/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.DatabaseSource;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes and removes the scratch databases that restore drills restore into. Every scratch
 * database is named {@code planb_verify_<random>}, carries a PlanB marker (a database comment,
 * or a marker file) and is held by the process that made it (a server-side lock, or a file
 * lock), so a database that merely has a matching name, or the scratch database of a drill still
 * running elsewhere, is never dropped.
 *
 * <pre>{@code
 * ScratchDatabases scratch = engine.scratchDatabases().orElseThrow();
 * scratch.dropOrphans(server);                       // left by killed drills
 * try (ScratchDatabase db = scratch.create(server)) {
 *     PlanB.restore(RestoreRequest.builder()...target(db.source()).build());
 * }                                                  // dropped here
 * }</pre>
 */
public interface ScratchDatabases {

    /** The prefix of every scratch database's name. */
    String NAME_PREFIX = "planb_verify_";

    /**
     * Creates a new, empty scratch database on the server that {@code server} reaches (its own
     * database is only used to connect), marks it as PlanB's and holds it.
     *
     * @param server a source that reaches the server
     * @return the scratch database, which the caller closes to drop it
     * @throws dev.planb.PlanBException naming the server and what privilege is missing
     */
    ScratchDatabase create(DatabaseSource server);

    /**
     * Drops the scratch databases on the server that PlanB made and no live process holds: those
     * left behind by a drill that was killed.
     *
     * @param server a source that reaches the server
     * @return the names of the databases dropped
     */
    List<String> dropOrphans(DatabaseSource server);

    /**
     * Tells whether a name has the form of a scratch database's name.
     *
     * @param name a database name, or {@code null}
     * @return whether it starts with {@link #NAME_PREFIX}
     */
    static boolean isScratchName(String name) {
        return name != null && name.startsWith(NAME_PREFIX);
    }

    /** {@return a new scratch database name: the prefix and 12 random hex digits} */
    static String newName() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return NAME_PREFIX + HexFormat.of().formatHex(random);
    }
}
