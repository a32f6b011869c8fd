/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.RestoreVerifier;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import dev.planb.verify.CoverageFinding;
import dev.planb.verify.SqlCheck;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every engine's restore drills follow: a sound backup verifies in a scratch database
 * that is gone afterwards; a dump that restores badly (checksums rewritten to match), a row count
 * that differs from the manifest, or a failing SQL check fail the drill with a message that says
 * what, and the scratch database is gone in every case; a target that is not a scratch database
 * is refused; a table new since the previous drill is reported. An engine's test extends it:
 *
 * <pre>{@code
 * class PostgresRestoreDrillTest extends AbstractRestoreDrillContractTest {
 *     protected DatabaseSource newDatabase() { return PostgresServer.shared().newDatabase(); }
 *     protected boolean scratchExists(String name) { ... }
 *     protected String truncatedDumpMessage() { return "pg_restore"; }
 * }
 * }</pre>
 */
public abstract class AbstractRestoreDrillContractTest {

    /** Rows of the sample {@code customers} table. */
    protected static final int CUSTOMERS = 30;

    @TempDir
    Path backups;

    /** Where the tests' backups are stored. */
    protected LocalDirectoryDestination destination;
    /** The database backed up. */
    protected DatabaseSource database;

    /** For an engine's test, which extends this class. */
    protected AbstractRestoreDrillContractTest() {
    }

    /**
     * {@return a new, empty database on the server drills run on, different on every call} Each test backs one up
     * as {@link #database}; one test uses a second one as a target that is not a scratch database.
     *
     * @throws Exception when the database cannot be created; the test fails with it
     */
    protected abstract DatabaseSource newDatabase() throws Exception;

    /**
     * Looks for a drill's scratch database after the drill, which must have dropped it whatever the outcome.
     *
     * @param name the scratch database's name, as {@link VerificationResult#restoredInto()} reports it
     * @return whether a database (or, for a file-based engine, a file) of that name still exists
     * @throws Exception when the server cannot be asked
     */
    protected abstract boolean scratchExists(String name) throws Exception;

    /**
     * {@return part of the message a restore of a truncated dump fails with: the restore tool's own words} For
     * example {@code "pg_restore"}; the test checks the drill's problem contains it.
     */
    protected abstract String truncatedDumpMessage();

    /**
     * {@return the server to drill on, given as a database on it} By default the backed-up database's own server;
     * override it to drill on another one.
     */
    protected DatabaseSource drillServer() {
        return database;
    }

    @BeforeEach
    void populate() throws Exception {
        destination = new LocalDirectoryDestination(backups);
        database = newDatabase();
        StringBuilder rows = new StringBuilder("INSERT INTO customers (id, name) VALUES ");
        for (int i = 1; i <= CUSTOMERS; i++) {
            rows.append(i == 1 ? "" : ", ").append("(").append(i).append(", 'customer ").append(i).append("')");
        }
        execute(database, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)", rows.toString());
    }

    @Test
    void soundBackupVerifiesInAScratchDatabaseThatIsGoneAfterwards() throws Exception {
        Manifest manifest = backUp();
        byte[] manifestBefore = Files.readAllBytes(manifestFile(manifest));

        VerificationResult result = drill(VerificationRequest.builder()
                .check(SqlCheck.parse("select count(*) from customers >= " + CUSTOMERS))
                .fingerprints(List.of(customersTable(manifest))));

        assertThat(result.problems()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.restoredInto()).startsWith("planb_verify_");
        assertThat(result.recoveryTime()).isPositive();
        assertThat(result.restoredTables()).isEqualTo(manifest.tables());
        assertThat(result.checks()).singleElement().satisfies(check -> {
            assertThat(check.passed()).isTrue();
            assertThat(check.actual()).isEqualTo(String.valueOf(CUSTOMERS));
        });
        assertThat(result.fingerprints()).containsOnlyKeys(customersTable(manifest));
        assertThat(scratchExists(result.restoredInto())).as("scratch database dropped").isFalse();
        assertThat(Files.readAllBytes(manifestFile(manifest))).as("manifest untouched").isEqualTo(manifestBefore);
        assertThat(new VerificationLog(destination).newestPassed(manifest.plan())).hasValueSatisfying(record -> {
            assertThat(record.backupId()).isEqualTo(manifest.backupId());
            assertThat(record.recoveryMillis()).isNotNull();
            assertThat(record.fingerprints()).isEqualTo(result.fingerprints());
        });
        assertThat(PlanB.catalog(destination).backups(manifest.plan())).containsExactly(manifest);

        VerificationResult again = drill(VerificationRequest.builder().fingerprints(List.of(customersTable(manifest))));
        assertThat(again.problems()).as("the same backup restores the same content").isEmpty();
    }

    @Test
    void truncatedDumpWithMatchingChecksumsFailsOnRestoreWithTheToolsMessage() throws Exception {
        Manifest manifest = backUp();
        new BackupTampering(backups, manifest).truncateDump();

        VerificationResult result = drill(VerificationRequest.builder());

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).anySatisfy(problem -> assertThat(problem)
                .startsWith("restore failed: ").contains(truncatedDumpMessage()));
        assertThat(result.recovery()).isEmpty();
        assertThat(scratchExists(result.restoredInto())).as("scratch database dropped").isFalse();
    }

    @Test
    void rowCountThatDiffersFromTheManifestFails() throws Exception {
        Manifest manifest = backUp();
        new BackupTampering(backups, manifest).recordRows("customers", CUSTOMERS + 1);

        VerificationResult result = drill(VerificationRequest.builder());

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).singleElement().asString()
                .contains("has " + CUSTOMERS + " rows, the manifest records " + (CUSTOMERS + 1));
        assertThat(result.rowCountsMatch()).isFalse();
        assertThat(scratchExists(result.restoredInto())).as("scratch database dropped").isFalse();
    }

    @Test
    void failingCheckFailsWithTheQueryAndBothValues() throws Exception {
        backUp();
        String query = "select count(*) from customers where id > 10";

        VerificationResult result = drill(VerificationRequest.builder().check(SqlCheck.parse(query + " >= 100")));

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).singleElement().asString()
                .contains(query, "expected >= 100", "got " + (CUSTOMERS - 10));
        assertThat(scratchExists(result.restoredInto())).as("scratch database dropped").isFalse();
        assertThat(new VerificationLog(destination).newest(result.manifest().plan()))
                .hasValueSatisfying(record -> assertThat(record.passed()).isFalse());
    }

    @Test
    void aTargetThatIsNotAScratchDatabaseIsRefused() throws Exception {
        backUp();
        DatabaseSource other = newDatabase();

        assertThatThrownBy(() -> new RestoreVerifier(destination)
                .verify(VerificationRequest.builder().restoreInto(other, false).build()))
                .isInstanceOfSatisfying(PlanBException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_REFUSED);
                    assertThat(e.getMessage()).contains("not a scratch database");
                });
    }

    @Test
    void aTableNewSinceThePreviousDrillIsReported() throws Exception {
        backUp();
        assertThat(drill(VerificationRequest.builder()).coverage())
                .noneMatch(finding -> finding.kind() == CoverageFinding.Kind.NEW_TABLE);
        execute(database, "CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        backUp();

        VerificationResult result = drill(VerificationRequest.builder());

        assertThat(result.passed()).isTrue();
        assertThat(result.coverage()).anySatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(CoverageFinding.Kind.NEW_TABLE);
            assertThat(finding.name()).containsIgnoringCase("invoices");
        });
    }

    /**
     * Backs up {@link #database} to {@link #destination} as plan {@code drill}, with the engine PlanB picks for it.
     *
     * @return the new backup's manifest
     */
    protected Manifest backUp() {
        return PlanB.backup(BackupPlan.builder("drill").database(database).destination(destination).build()).manifest();
    }

    /**
     * Drills the newest backup of plan {@code drill} on {@link #drillServer()}, as {@code planb verify} does.
     *
     * @param request the checks and fingerprints to add; the plan and the server are set here
     * @return what the drill found: a backup that fails the drill gives a result that did not pass, with its
     *     problems
     */
    protected VerificationResult drill(VerificationRequest.Builder request) {
        return new RestoreVerifier(destination).verify(request.plan("drill").drillOn(drillServer()).build());
    }

    /**
     * Runs SQL statements in a database, in order, each committed on its own (auto-commit).
     *
     * @param source the database, reached with its own user and password when it has them
     * @param statements the statements, without a trailing {@code ;}
     * @throws SQLException when the database refuses one; the statements before it have run
     */
    protected static void execute(DatabaseSource source, String... statements) throws SQLException {
        Properties properties = new Properties();
        source.userName().ifPresent(user -> properties.setProperty("user", user));
        source.passwordSecret().ifPresent(password -> properties.setProperty("password", password.reveal()));
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), properties);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String customersTable(Manifest manifest) {
        return manifest.tables().stream().map(TableCount::table).filter(name -> name.equalsIgnoreCase("customers"))
                .findFirst().orElseThrow();
    }

    private Path manifestFile(Manifest manifest) {
        return backups.resolve(Layout.manifestKey(manifest.plan(), manifest.id()));
    }
}
