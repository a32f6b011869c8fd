/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.spi.ScratchDatabases;
import dev.planb.testing.server.PostgresServer;
import dev.planb.verify.CoverageFinding;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresRestoreDrillTest extends AbstractRestoreDrillContractTest {

    @Override
    protected DatabaseSource newDatabase() {
        return PostgresServer.shared().newDatabase();
    }

    @Override
    protected boolean scratchExists(String name) throws Exception {
        PostgresServer server = PostgresServer.shared();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), PostgresServer.USER,
                server.password()); PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    protected String truncatedDumpMessage() {
        return "pg_restore";
    }

    @Test
    void aDatabaseCreatedAfterThePlanIsACoverageWarning() throws Exception {
        backUp();
        String created = PostgresServer.shared().newDatabase().jdbcUrl().replaceAll(".*/", "");

        VerificationResult result = drill(VerificationRequest.builder().liveDatabase(database));

        assertThat(result.passed()).isTrue();
        assertThat(result.coverage()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(CoverageFinding.Kind.DATABASE_NOT_BACKED_UP);
            assertThat(finding.name()).isEqualTo(created);
        });
        assertThat(result.coverage()).noneMatch(finding -> finding.name().equals(database.jdbcUrl().replaceAll(".*/", "")));
    }

    @Test
    void aTableTheFiltersLeaveOutIsACoverageWarning() throws Exception {
        execute(database, "CREATE TABLE audit_log (id INTEGER PRIMARY KEY)");
        PlanB.backup(BackupPlan.builder("drill").database(database).destination(destination)
                .engine(new PostgresEngine(PostgresOptions.builder().excludeTable("audit_log").build())).build());

        VerificationResult result = drill(VerificationRequest.builder().liveDatabase(database));

        assertThat(result.passed()).isTrue();
        assertThat(result.coverage()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(CoverageFinding.Kind.TABLE_NOT_IN_BACKUP);
            assertThat(finding.name()).isEqualTo("audit_log");
        });
        assertThat(result.coverage()).noneMatch(finding -> finding.name().equals("customers"));
    }

    @Test
    void aUsersDatabaseThatOnlyLooksLikeAScratchOneIsNeverDropped() throws Exception {
        String lookalike = ScratchDatabases.newName();
        PostgresServer.shared().superuser("postgres", "CREATE DATABASE " + lookalike + " OWNER " + PostgresServer.USER);
        backUp();

        assertThat(drill(VerificationRequest.builder()).passed()).isTrue();

        assertThat(scratchExists(lookalike)).as("no PlanB marker: not PlanB's to drop").isTrue();
    }
}
