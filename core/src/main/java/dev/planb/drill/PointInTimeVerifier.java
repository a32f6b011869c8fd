/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.crypto.Decryption;
import dev.planb.engine.DatabaseEngines;
import dev.planb.pitr.LogChain;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.PointInTimeScratch;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Messages;
import dev.planb.verify.CheckOutcome;
import dev.planb.verify.PointInTimeDrill;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationResult;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that a plan's log chain restores to a point in time: restores it to the drill's target (say,
 * five minutes ago) into a scratch place (a scratch data directory for PostgreSQL, a scratch database
 * for MariaDB/MySQL), checks that recovery stopped at or before the target, that the restored database
 * holds tables, and runs the user's SQL checks; then removes the scratch place. The result is written
 * as {@code verification-<time>.json} beside the chain's first backup.
 *
 * <pre>{@code
 * VerificationResult result = new PointInTimeVerifier(destination).verify(
 *         PointInTimeDrill.of("app", RecoveryTarget.parse("5m ago", Instant.now()), liveDatabase));
 * }</pre>
 */
public final class PointInTimeVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(PointInTimeVerifier.class);

    private final Destination destination;
    private final Decryption decryption;
    private final Clock clock;

    /**
     * Verifies unencrypted chains on a destination.
     *
     * @param destination where the chains are stored; drill results are written there too
     */
    public PointInTimeVerifier(Destination destination) {
        this(destination, Decryption.none(), Clock.systemUTC());
    }

    /**
     * Verifies chains on a destination, decrypting encrypted ones.
     *
     * @param destination where the chains are stored; drill results are written there too
     * @param decryption the key or passphrase for encrypted artifacts, or {@link Decryption#none()}
     * @param clock gives the drill's start and end times and the measured recovery time
     */
    public PointInTimeVerifier(Destination destination, Decryption decryption, Clock clock) {
        this.destination = destination;
        this.decryption = decryption;
        this.clock = clock;
    }

    /**
     * Runs the drill.
     *
     * @param drill the plan, the target to restore to, the live database and the checks
     * @return what it found; {@link VerificationResult#passed()} tells whether the chain is sound. A scratch place
     *     that cannot be made, a failed restore or a failed check is a problem of the result, not an exception
     * @throws PlanBException when the drill's engine cannot restore to a point in time, or there is no chain to drill
     */
    public VerificationResult verify(PointInTimeDrill drill) {
        Instant startedAt = clock.instant();
        Catalog catalog = new Catalog(destination);
        String plan = catalog.resolvePlan(drill.planName());
        DatabaseEngine chosen = drill.engine() != null ? drill.engine() : DatabaseEngines.forUrl(drill.live().jdbcUrl());
        if (!(chosen instanceof PointInTimeEngine engine)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "A point-in-time drill needs PostgreSQL or MariaDB/MySQL,"
                    + " not " + chosen.name());
        }
        LogChain chain = LogChain.select(catalog, plan, engine, drill.target(), decryption);
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        checked.add(catalog.location(chain.base(), chain.base().databaseArtifact()));
        chain.logs().forEach(log -> checked.add(catalog.location(log, log.databaseArtifact())));
        String restoredInto;
        Duration recovery = null;
        List<TableCount> tables = List.of();
        List<CheckOutcome> checks = List.of();
        try (PointInTimeScratch scratch = engine.scratch(drill.live(), Optional.ofNullable(drill.drillServer()))) {
            restoredInto = "point in time " + drill.target() + " in " + scratch.destination().describe();
            Instant restoreStarted = clock.instant();
            RecoveredPoint point = engine.recover(chain, drill.target(), scratch.destination());
            recovery = Duration.between(restoreStarted, clock.instant());
            restoredInto += point.reached().map(time -> ", reached " + time).orElse(", no transaction after the first backup");
            drill.target().time().ifPresent(target -> point.reached().filter(reached -> reached.isAfter(target))
                    .ifPresent(reached -> problems.add("recovery went past the target " + target + ": it replayed a"
                            + " transaction committed at " + reached)));
            DatabaseSource restored = scratch.open();
            tables = engine.tableCounts(restored);
            if (tables.isEmpty()) {
                problems.add("the restored database holds no table");
            }
            try (Connection connection = engine.connect(restored)) {
                checks = SqlCheckRunner.run(connection, drill.checks());
            }
            checks.stream().filter(outcome -> !outcome.passed()).forEach(outcome -> problems.add("check failed: "
                    + outcome.describe()));
        } catch (IOException | SQLException | PlanBException e) {
            restoredInto = "point in time " + drill.target();
            problems.add("the point-in-time restore failed: " + Messages.firstLine(e));
        }
        chain.warnings().forEach(warning -> problems.add("log chain: " + warning));
        VerificationResult result = new VerificationResult(chain.base(), checked, restoredInto, recovery, tables, checks,
                Map.of(), List.of(), problems, startedAt, clock.instant());
        record(result, chain.base());
        return result;
    }

    private void record(VerificationResult result, Manifest base) {
        try {
            new VerificationLog(destination).write(result.toRecord());
        } catch (PlanBException e) {
            LOG.warn("Point-in-time drill of plan '{}' from backup {}: the result could not be written beside it: {}",
                    base.plan(), base.backupId(), e.getMessage());
        }
    }
}
