/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.DatabaseSource;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.RecoveryTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a point-in-time drill restores and checks: a plan's log chain restored to a target (say, five
 * minutes ago) into a scratch place, then the user's SQL checks run on it.
 *
 * <pre>{@code
 * PointInTimeDrill drill = PointInTimeDrill.of("app", RecoveryTarget.parse("5m ago", Instant.now()), live)
 *         .withChecks(List.of(SqlCheck.parse("select count(*) from orders >= 1")));
 * }</pre>
 *
 * @param plan the plan, or {@code null} when the destination holds one plan only
 * @param target where recovery stops
 * @param live the live database: its engine options are used, and its user and password read the restored copy
 * @param drillServer for MariaDB/MySQL, the server to make the scratch database on (often the live one);
 *     {@code null} for PostgreSQL, whose drill runs a scratch data directory of its own
 * @param checks the SQL checks to run on the restored database
 * @param engine the engine with its tool options, or {@code null} to choose it from the live URL
 */
public record PointInTimeDrill(String plan, RecoveryTarget target, DatabaseSource live, DatabaseSource drillServer,
        List<SqlCheck> checks, DatabaseEngine engine) {

    /**
     * Checks the required parts and copies the list.
     *
     * @param plan the plan, or {@code null} when the destination holds one plan only
     * @param target where recovery stops
     * @param live the live database, whose engine options and credentials the drill uses
     * @param drillServer for MariaDB/MySQL, the server to make the scratch database on; {@code null} for PostgreSQL
     * @param checks the SQL checks to run on the restored database; {@code null} for none
     * @param engine the engine with its tool options, or {@code null} to choose it from the live URL
     * @throws NullPointerException when {@code target} or {@code live} is null
     */
    public PointInTimeDrill {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(live, "live");
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /**
     * A drill of a plan to a point in time, without checks; see {@link #withChecks(List)}.
     *
     * @param plan the plan, or {@code null} when the destination holds one plan only
     * @param target where recovery stops
     * @param live the live database, whose engine options and credentials the drill uses
     * @return the drill
     */
    public static PointInTimeDrill of(String plan, RecoveryTarget target, DatabaseSource live) {
        return new PointInTimeDrill(plan, target, live, null, List.of(), null);
    }

    /**
     * The same drill, making its scratch database on another server (MariaDB/MySQL).
     *
     * @param server the server to make the scratch database on
     * @return a new drill; this one is unchanged
     */
    public PointInTimeDrill drillOn(DatabaseSource server) {
        return new PointInTimeDrill(plan, target, live, server, checks, engine);
    }

    /**
     * The same drill with these SQL checks, in place of any it had.
     *
     * @param sqlChecks the checks to run on the restored database
     * @return a new drill; this one is unchanged
     */
    public PointInTimeDrill withChecks(List<SqlCheck> sqlChecks) {
        return new PointInTimeDrill(plan, target, live, drillServer, sqlChecks, engine);
    }

    /**
     * The same drill with a configured engine (tool folder and options).
     *
     * @param configured the engine to restore with
     * @return a new drill; this one is unchanged
     */
    public PointInTimeDrill withEngine(DatabaseEngine configured) {
        return new PointInTimeDrill(plan, target, live, drillServer, checks, configured);
    }

    /** {@return the plan, if named; empty means the destination's only plan} */
    public Optional<String> planName() {
        return Optional.ofNullable(plan);
    }
}
