/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.DatabaseSource;
import dev.planb.PlanBException;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Messages;
import dev.planb.verify.CoverageFinding;
import dev.planb.verify.VerificationRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a plan may have missed: databases on its server no plan backs up, tables of the live
 * database the backup leaves out (the plan's filters, or tables newer than the backup), and tables
 * that appeared since the previous drill. A review that cannot look (no privilege) says so in the
 * log and never fails the drill.
 */
final class CoverageReview {

    private static final Logger LOG = LoggerFactory.getLogger(CoverageReview.class);
    private static final Pattern SERVER_PART = Pattern.compile("^(jdbc:[^/]*//[^/?;]*).*$", Pattern.DOTALL);

    private final DatabaseEngine engine;
    private final Manifest manifest;
    private final List<CoverageFinding> findings = new ArrayList<>();

    private CoverageReview(DatabaseEngine engine, Manifest manifest) {
        this.engine = engine;
        this.manifest = manifest;
    }

    /**
     * @param server the server whose databases to review: the live database's, else the drill's
     * @param live the live database, or empty
     * @param covered databases other plans back up
     * @param restored the tables found after this drill's restore
     * @param previous the previous drill of the plan that restored, if any
     */
    static List<CoverageFinding> review(DatabaseEngine engine, Manifest manifest, DatabaseSource server,
            Optional<DatabaseSource> live, Set<String> covered, List<TableCount> restored,
            Optional<VerificationRecord> previous) {
        CoverageReview review = new CoverageReview(engine, manifest);
        review.databases(server, covered);
        live.ifPresent(review::tablesLeftOut);
        previous.ifPresent(record -> review.newTables(restored, record));
        return review.findings;
    }

    private void databases(DatabaseSource server, Set<String> covered) {
        Set<String> backedUp = new HashSet<>(covered);
        try {
            engine.databaseName(DatabaseSource.of(manifest.database())).ifPresent(backedUp::add);
            String where = serverOf(server);
            for (String database : engine.databases(server)) {
                if (!backedUp.contains(database)) {
                    findings.add(new CoverageFinding(CoverageFinding.Kind.DATABASE_NOT_BACKED_UP, database, "database "
                            + database + " on server " + where + " is not backed up by any plan: add a plan"
                            + " for it if it matters"));
                }
            }
        } catch (PlanBException e) {
            LOG.warn("Coverage review could not list the databases on {}: {}", server.redactedUrl(), Messages.firstLine(e));
        }
    }

    /**
     * The server part of the URL ({@code jdbc:mariadb://host:port}), without the database the URL
     * connects to: that database (the live one, or the drill's) is not the one a finding is about.
     */
    static String serverOf(DatabaseSource server) {
        return SERVER_PART.matcher(server.redactedUrl()).replaceFirst("$1");
    }

    private void tablesLeftOut(DatabaseSource live) {
        Set<String> inBackup = names(manifest.tables());
        try {
            for (String table : engine.tableNames(live)) {
                if (!inBackup.contains(table)) {
                    findings.add(new CoverageFinding(CoverageFinding.Kind.TABLE_NOT_IN_BACKUP, table, "table " + table
                            + " of " + live.redactedUrl() + " is not in backup " + manifest.backupId()
                            + ": the plan's filters leave it out, or it is newer than the backup"));
                }
            }
        } catch (PlanBException e) {
            LOG.warn("Coverage review could not list the tables of {}: {}", live.redactedUrl(), Messages.firstLine(e));
        }
    }

    private void newTables(List<TableCount> restored, VerificationRecord previous) {
        if (previous.restoredTables().isEmpty()) {
            return;
        }
        Set<String> before = names(previous.restoredTables());
        for (TableCount table : restored) {
            if (!before.contains(table.table())) {
                findings.add(new CoverageFinding(CoverageFinding.Kind.NEW_TABLE, table.table(), "table " + table.table()
                        + " is new since the drill of backup " + previous.backupId() + ": check that the plan's SQL"
                        + " checks cover it if it matters"));
            }
        }
    }

    private static Set<String> names(List<TableCount> tables) {
        Set<String> names = new HashSet<>();
        tables.forEach(table -> names.add(table.table()));
        return names;
    }
}
