/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.engine.DatabaseEngines;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import dev.planb.spi.Finding;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tells, before the first backup, what will fail and how to fix it: the engine's checks (dump tool
 * and version, privileges to read every object, objects the options leave out, charset; see
 * {@link DatabaseEngine#preflight}), the log streaming prerequisites when point-in-time recovery is
 * wanted, and for each destination whether it can be written and whether these credentials could
 * delete backups (the canary of {@link PlanB#check(Destination)}).
 *
 * <pre>{@code
 * PreflightReport report = Preflight.of(plan).streaming(true).run();
 * report.findings().forEach(System.out::println);
 * if (report.blocksBackup()) { ... }
 * }</pre>
 *
 * <p>{@link PlanB#preflight(BackupPlan)} runs it for a plan; {@code planb doctor} from the command line.
 */
public final class Preflight {

    private final DatabaseSource database;
    private final DatabaseEngine engine;
    private final List<Destination> destinations;
    private final boolean streaming;

    private Preflight(DatabaseSource database, DatabaseEngine engine, List<Destination> destinations, boolean streaming) {
        this.database = Objects.requireNonNull(database, "database");
        this.engine = engine;
        this.destinations = List.copyOf(destinations);
        this.streaming = streaming;
    }

    /**
     * The checks of a database alone, with the engine its JDBC URL chooses and no destination.
     *
     * @param database the database to check
     * @return the preflight, not yet run
     * @throws NullPointerException when {@code database} is null
     */
    public static Preflight of(DatabaseSource database) {
        return new Preflight(database, null, List.of(), false);
    }

    /**
     * The checks of a plan: its database with its engine's options, and its destinations.
     *
     * @param plan the plan to check
     * @return the preflight, not yet run
     */
    public static Preflight of(BackupPlan plan) {
        return new Preflight(plan.database(), plan.engine(), plan.destinations(), false);
    }

    /**
     * The same checks with another engine (and its options) for the database.
     *
     * @param engine the engine to check the database with, instead of the one its URL chooses
     * @return a new preflight; this one is unchanged
     * @throws NullPointerException when {@code engine} is null
     */
    public Preflight engine(DatabaseEngine engine) {
        return new Preflight(database, Objects.requireNonNull(engine, "engine"), destinations, streaming);
    }

    /**
     * The same checks, and also of more destinations.
     *
     * @param more destinations to check for writes and delete protection, besides those already given
     * @return a new preflight; this one is unchanged
     */
    public Preflight destinations(List<? extends Destination> more) {
        List<Destination> all = new ArrayList<>(destinations);
        all.addAll(more);
        return new Preflight(database, engine, all, streaming);
    }

    /**
     * Whether the log streaming of point-in-time recovery is wanted: then each missing streaming
     * prerequisite is a {@link Finding.Severity#BLOCKER} (the plan would fall back to plain dumps).
     *
     * @param wanted true to check the streaming prerequisites too
     * @return a new preflight; this one is unchanged
     */
    public Preflight streaming(boolean wanted) {
        return new Preflight(database, engine, destinations, wanted);
    }

    /**
     * Runs every check; problems are findings, never exceptions. Connects to the database and writes a canary to
     * each destination.
     *
     * @return the findings, blockers first
     */
    public PreflightReport run() {
        List<Finding> findings = new ArrayList<>();
        DatabaseEngine chosen;
        try {
            chosen = engine != null ? engine : DatabaseEngines.forUrl(database.jdbcUrl());
        } catch (PlanBException e) {
            findings.add(Finding.blocker("database", e.getMessage()));
            chosen = null;
        }
        if (chosen != null) {
            findings.addAll(chosen.preflight(database));
            if (streaming) {
                findings.addAll(streamingFindings(chosen));
            }
        }
        destinations.forEach(destination -> findings.add(destinationFinding(destination)));
        return new PreflightReport(findings);
    }

    private List<Finding> streamingFindings(DatabaseEngine chosen) {
        if (!(chosen instanceof PointInTimeEngine pointInTime)) {
            return List.of(Finding.blocker("streaming", "the " + chosen.name() + " engine has no point-in-time"
                    + " recovery: back up with plain dumps (without --stream)"));
        }
        List<String> problems = pointInTime.streamingProblems(database);
        if (problems.isEmpty()) {
            return List.of(Finding.ok("streaming", "the server allows " + pointInTime.logFormat() + " streaming"));
        }
        return problems.stream().map(problem -> Finding.blocker("streaming", problem)).toList();
    }

    private static Finding destinationFinding(Destination destination) {
        ProtectionReport report;
        try {
            report = destination.checkProtection();
        } catch (IOException | PlanBException e) {
            return Finding.blocker("destination", destination.description() + " cannot be written: " + Messages.firstLine(e)
                    + ": check the URI and that these credentials may write there");
        }
        if (!report.isProtected()) {
            return Finding.warning("destination", destination.description() + ": these credentials can delete your"
                    + " backups: give the application write-only credentials, or turn on Object Lock or immutable storage");
        }
        return Finding.ok("destination", destination.description() + " is writable and " + report.summary());
    }
}
