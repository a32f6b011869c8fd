/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.drill.RestoreVerifier;
import dev.planb.spi.ScratchDatabases;
import dev.planb.testing.server.MariaDbServer;
import dev.planb.verify.CoverageFinding;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class MariaDbRestoreDrillTest extends AbstractRestoreDrillContractTest {

    @Override
    protected DatabaseSource newDatabase() {
        return MariaDbServer.shared().newDatabase();
    }

    @Override
    protected boolean scratchExists(String name) throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(""), MariaDbServer.USER,
                server.password()); PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    protected String truncatedDumpMessage() {
        return "ERROR";
    }

    @Test
    void aDatabaseCreatedAfterThePlanIsACoverageWarning() throws Exception {
        backUp();
        String created = MariaDbServer.shared().newDatabase().jdbcUrl().replaceAll(".*/", "");

        VerificationResult result = drill(VerificationRequest.builder().liveDatabase(database));

        assertThat(result.passed()).isTrue();
        assertThat(result.coverage()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(CoverageFinding.Kind.DATABASE_NOT_BACKED_UP);
            assertThat(finding.name()).isEqualTo(created);
        });
    }

    @Test
    void coverageLinesNameTheServerNotTheDatabaseTheDrillConnectsThrough() throws Exception {
        backUp();
        String created = MariaDbServer.shared().newDatabase().jdbcUrl().replaceAll(".*/", "");
        DatabaseSource drillUrl = MariaDbServer.shared().newDatabase();

        VerificationResult result = new RestoreVerifier(destination)
                .verify(VerificationRequest.builder().plan("drill").drillOn(drillUrl).build());

        assertThat(result.passed()).isTrue();
        String drillDatabase = drillUrl.jdbcUrl().replaceAll(".*/", "");
        assertThat(result.coverage()).filteredOn(finding -> finding.name().equals(created)).singleElement()
                .satisfies(finding -> assertThat(finding.message()).startsWith("database " + created + " on server "
                        + "jdbc:mariadb://127.0.0.1:" + MariaDbServer.shared().port() + " is not backed up"));
        assertThat(result.coverage()).allSatisfy(finding -> assertThat(finding.message())
                .doesNotContain("/" + drillDatabase));
    }

    @Test
    void aUsersDatabaseThatOnlyLooksLikeAScratchOneIsNeverDropped() throws Exception {
        String lookalike = ScratchDatabases.newName();
        MariaDbServer.shared().admin("CREATE DATABASE " + lookalike);
        backUp();

        assertThat(drill(VerificationRequest.builder()).passed()).isTrue();

        assertThat(scratchExists(lookalike)).as("no PlanB marker: not PlanB's to drop").isTrue();
    }
}
