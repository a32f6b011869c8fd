/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pitr;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.engine.DatabaseEngines;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a {@link PointInTimeRequest}: chooses the chain on the destination and has the engine recover it. */
public final class PointInTimeRestore {

    private static final Logger LOG = LoggerFactory.getLogger(PointInTimeRestore.class);

    private PointInTimeRestore() {
    }

    /**
     * Restores a plan's log chain to a point in time; see {@link dev.planb.PlanB#restoreToPoint(PointInTimeRequest)}.
     *
     * @param request the destination, plan, target and where the restore goes
     * @return the chain used, the point reached and any warnings (which are also logged)
     * @throws PlanBException when the engine has no point-in-time restore, no chain reaches back to the
     *     target, a file is corrupt, or recovery fails
     */

    public static PointInTimeResult run(PointInTimeRequest request) {
        Catalog catalog = new Catalog(request.from());
        String plan = catalog.resolvePlan(request.plan());
        DatabaseEngine engine = request.engine().orElseGet(() -> engineOf(catalog, plan));
        if (!(engine instanceof PointInTimeEngine pitr)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Point-in-time restore is not available for "
                    + engine.name() + " databases: it needs PostgreSQL or MariaDB/MySQL");
        }
        LogChain chain = LogChain.select(catalog, plan, pitr, request.target(), request.decryption());
        chain.warnings().forEach(warning -> LOG.warn("Point-in-time restore of plan '{}': {}", plan, warning));
        LOG.info("Restoring plan '{}' to {} from backup {} and {} log file(s) on {} into {}", plan, request.target(),
                chain.base().backupId(), chain.logs().size(), chain.source(), request.destination().describe());
        RecoveredPoint point;
        try {
            point = pitr.recover(chain, request.target(), request.destination());
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Point-in-time restore of plan '" + plan + "' into "
                    + request.destination().describe() + " failed: " + Messages.firstLine(e), e);
        }
        List<String> warnings = new ArrayList<>(chain.warnings());
        LOG.info("Plan '{}' restored into {}: {}", plan, request.destination().describe(), point.detail());
        return new PointInTimeResult(chain.base(), chain.logs(), request.target(), point,
                request.destination().describe(), warnings);
    }

    /** The engine named by the plan's newest chain start, among those on the class path. */
    private static DatabaseEngine engineOf(Catalog catalog, String plan) {
        String name = catalog.backups(plan).stream().filter(backup -> backup.startsChain()).findFirst()
                .map(backup -> backup.engine().name())
                .orElseThrow(() -> new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "No point-in-time chain of plan '"
                        + plan + "' on " + catalog.destination().description() + ": start one with 'planb stream'"));
        return DatabaseEngines.available().stream().filter(engine -> engine.name().equals(name)).findFirst()
                .orElseThrow(() -> new PlanBException(ErrorCode.NO_ENGINE, "No " + name + " engine on the class path"));
    }
}
