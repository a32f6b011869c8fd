/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static dev.planb.testing.PreflightFindings.noneOf;
import static dev.planb.testing.PreflightFindings.the;
import static dev.planb.testing.PreflightFindings.toolPrinting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.Preflight;
import dev.planb.PreflightReport;
import dev.planb.Secret;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.spi.Finding.Severity;
import dev.planb.spi.Finding;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PlanB.preflight} on a real PostgreSQL 15 server: every kind of finding provoked, and the
 * GRANT a blocker names is the one that makes the backup work.
 */
class PostgresPreflightTest {

    private static final String USER = PostgresServer.USER;

    @TempDir
    Path tmp;

    private final PostgresServer server = PostgresServer.shared();

    @Test
    void aDatabaseTheUserMayReadWhollyHasNoBlockerAndBacksUp() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        server.superuser(name, "SET ROLE " + USER, "CREATE TABLE items (id serial PRIMARY KEY, label text)",
                "INSERT INTO items (label) VALUES ('a')", "SELECT lo_from_bytea(0, 'mine'::bytea)");
        BackupPlan plan = plan(database, new PostgresEngine());

        PreflightReport report = PlanB.preflight(plan);

        assertThat(report.blocksBackup()).as("%s", report).isFalse();
        the(report, Severity.OK, "privileges", "may read every schema, table, sequence and large object");
        the(report, Severity.OK, "dump tool", "pg_dump 15");
        the(report, Severity.OK, "charset", "encoding UTF8");
        assertThat(PlanB.backup(plan).isComplete()).isTrue();
    }

    @Test
    void wrongCredentialsAreOneBlocker() {
        DatabaseSource database = server.newDatabase();
        DatabaseSource wrong = DatabaseSource.of(database.jdbcUrl(), USER, Secret.of("not-the-password"));

        PreflightReport report = Preflight.of(wrong).run();

        assertThat(report.blocksBackup()).isTrue();
        assertThat(the(report, Severity.BLOCKER, "database", "password").message()).doesNotContain("not-the-password");
    }

    @Test
    void aMissingOrTooOldPgDumpIsABlockerThatSaysWhatToInstall() throws Exception {
        DatabaseSource database = server.newDatabase();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path old = toolPrinting(tmp.resolve("old"), "pg_dump", "pg_dump (PostgreSQL) 9.6.24");

        PreflightReport missing = Preflight.of(database)
                .engine(new PostgresEngine(PostgresOptions.builder().toolDirectory(empty).build())).run();
        PreflightReport tooOld = Preflight.of(database)
                .engine(new PostgresEngine(PostgresOptions.builder().toolDirectory(old).build())).run();

        the(missing, Severity.BLOCKER, "dump tool", "pg_dump not found in " + empty);
        the(missing, Severity.BLOCKER, "dump tool", "apt-get install postgresql-client-15");
        the(tooOld, Severity.BLOCKER, "dump tool", "pg_dump 9.6 (" + old.resolve("pg_dump") + ") is older than the PostgreSQL 15");
    }

    @Test
    void tablesAndSequencesTheUserMayNotReadAreABlockerWhoseGrantMakesTheBackupWork() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        server.superuser(name, "CREATE TABLE secret (id int)", "CREATE SEQUENCE \"Odd-Seq\"",
                "SET ROLE " + USER, "CREATE TABLE mine (id int)");
        BackupPlan plan = plan(database, new PostgresEngine());

        PreflightReport report = PlanB.preflight(plan);

        Finding blocker = the(report, Severity.BLOCKER, "privileges", "permission denied for table public.\"Odd-Seq\"");
        String grant = between(blocker.message(), "GRANT SELECT ON ", " as their owner");
        assertThat(grant).isEqualTo("GRANT SELECT ON public.\"Odd-Seq\", public.secret TO " + USER);
        assertThat(report.blockers()).hasSize(1);
        assertThatThrownBy(() -> PlanB.backup(plan)).isInstanceOf(PlanBException.class)
                .hasMessageStartingWith(blocker.message());

        server.superuser(name, grant);
        PreflightReport fixed = PlanB.preflight(plan);
        assertThat(fixed.blocksBackup()).as("%s", fixed).isFalse();
        assertThat(PlanB.backup(plan).isComplete()).isTrue();
    }

    @Test
    void aSchemaWithoutUsageIsABlockerUnlessTheFilterLeavesItOut() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        server.superuser(name, "CREATE SCHEMA billing", "CREATE TABLE billing.invoices (id int)",
                "GRANT SELECT ON billing.invoices TO " + USER);

        PreflightReport report = Preflight.of(database).run();
        PreflightReport excluded = Preflight.of(database)
                .engine(new PostgresEngine(PostgresOptions.builder().excludeSchema("billing").build())).run();

        assertThat(the(report, Severity.BLOCKER, "privileges", "permission denied for schema billing").message())
                .contains("GRANT USAGE ON SCHEMA billing TO " + USER);
        assertThat(excluded.blocksBackup()).as("%s", excluded).isFalse();
    }

    @Test
    void rowLevelSecurityThatWouldHideRowsIsABlockerNamingBypassRlsBesideTheOtherReadProblems() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        server.superuser(name, "CREATE TABLE hidden (id int)",
                "CREATE TABLE accounts (id int, tenant text)", "GRANT SELECT ON accounts TO " + USER,
                "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY own ON accounts USING (tenant = current_user)");
        BackupPlan plan = plan(database, new PostgresEngine());

        PreflightReport report = PlanB.preflight(plan);

        assertThat(the(report, Severity.BLOCKER, "privileges", "table public.accounts has row-level security").message())
                .contains("ALTER ROLE " + USER + " BYPASSRLS");
        the(report, Severity.BLOCKER, "privileges", "permission denied for table public.hidden");
        assertThat(report.blockers()).hasSize(2);
        assertThatThrownBy(() -> PlanB.backup(plan)).isInstanceOf(PlanBException.class);
    }

    @Test
    void largeObjectsTheUserMayNotReadAreABlocker() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        server.superuser(name, "SELECT lo_from_bytea(0, 'theirs'::bytea)");
        BackupPlan plan = plan(database, new PostgresEngine());

        PreflightReport report = PlanB.preflight(plan);

        assertThat(the(report, Severity.BLOCKER, "privileges", "permission denied for large object").message())
                .contains("GRANT SELECT ON LARGE OBJECT ").contains(" TO " + USER);
        assertThatThrownBy(() -> PlanB.backup(plan)).isInstanceOf(PlanBException.class);
    }

    @Test
    void objectsOwnedByAnotherRoleAreAWarningNamingTheRoleAndNoOwner() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        String role = "reporting_" + Long.toHexString(System.nanoTime());
        server.superuser(name, "CREATE ROLE " + role + " NOLOGIN", "CREATE TABLE daily (day date)",
                "ALTER TABLE daily OWNER TO " + role, "GRANT SELECT ON daily TO " + USER);

        PreflightReport report = Preflight.of(database).run();

        assertThat(the(report, Severity.WARNING, "owner", "1 object(s) are owned by role " + role + " (public.daily)")
                .message()).contains("needs role " + role).endsWith("or restore with --no-owner (the restoring user then"
                        + " owns everything)");
        assertThat(report.blocksBackup()).as("%s", report).isFalse();
    }

    @Test
    void defaultPrivilegesOfAnotherRoleAreAWarningNamingTheGrantARestoreNeeds() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        String role = "app_" + Long.toHexString(System.nanoTime());
        noneOf(Preflight.of(database).run(), Severity.WARNING, "default privileges");
        server.superuser(name, "CREATE ROLE " + role + " NOLOGIN",
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + role + " GRANT SELECT ON TABLES TO " + USER);

        PreflightReport report = Preflight.of(database).run();

        assertThat(the(report, Severity.WARNING, "default privileges", "role " + role + " has default privileges")
                .message()).contains("GRANT " + role + " TO <restore user>").contains("even with --no-owner");
        assertThat(report.blocksBackup()).as("%s", report).isFalse();
    }

    @Test
    void aFilterABackupWouldRefuseIsABlockerAndANameThatMatchesNothingAWarning() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        server.superuser(name, "CREATE SCHEMA ext", "CREATE EXTENSION citext SCHEMA ext",
                "SET ROLE " + USER, "CREATE TABLE items (id int)");
        PostgresEngine withoutExt = new PostgresEngine(PostgresOptions.builder().excludeSchema("ext").build());
        PostgresEngine oneTable = new PostgresEngine(PostgresOptions.builder().table("items").build());
        PostgresEngine missing = new PostgresEngine(PostgresOptions.builder().schema("public").schema("Missing").build());

        PreflightReport refused = Preflight.of(database).engine(withoutExt).run();
        PreflightReport table = Preflight.of(database).engine(oneTable).run();
        PreflightReport misspelt = Preflight.of(database).engine(missing).run();

        Finding blocker = the(refused, Severity.BLOCKER, "filter", "extension citext is installed in schema ext");
        assertThatThrownBy(() -> PlanB.backup(plan(database, withoutExt))).hasMessage(blocker.message());
        the(table, Severity.BLOCKER, "filter", "extension citext is installed in schema ext");
        the(misspelt, Severity.WARNING, "filter", "schema Missing named by the --schema filter does not exist");
        noneOf(Preflight.of(database).run(), Severity.WARNING, "filter");
    }

    @Test
    void filtersAreCheckedAsTheBackupChecksThemAndNamesThatMatchNothingAreWarnings() throws Exception {
        DatabaseSource database = server.newDatabase();
        String name = name(database);
        server.superuser(name, "CREATE EXTENSION citext", "SET ROLE " + USER, "CREATE SCHEMA app",
                "CREATE TABLE app.users (email citext)", "SELECT lo_from_bytea(0, 'picture'::bytea)",
                "CREATE TABLE notes (id int)", "CREATE PUBLICATION feed FOR TABLE notes");
        PostgresEngine schemas = new PostgresEngine(PostgresOptions.builder().schema("app").schema("Missing").build());
        PostgresEngine table = new PostgresEngine(PostgresOptions.builder().table("notes").build());
        PostgresEngine outsidePublic = new PostgresEngine(PostgresOptions.builder().table("app.users").build());

        PreflightReport report = Preflight.of(database).engine(schemas).run();
        PreflightReport whole = Preflight.of(database).run();

        the(report, Severity.WARNING, "filter", "schema Missing named by the --schema filter does not exist");
        assertThat(report.blocksBackup()).isFalse();
        assertThat(report.findings()).filteredOn(finding -> finding.check().equals("filter"))
                .hasSize(1); // only the missing schema: --schema keeps extensions and large objects
        noneOf(whole, Severity.WARNING, "filter");
        the(Preflight.of(database).engine(table).run(), Severity.WARNING, "filter", "publication feed");
        PreflightReport refused = Preflight.of(database).engine(outsidePublic).run();
        the(refused, Severity.BLOCKER, "filter", "--table app.users is outside schema public");
        assertThat(refused.blocksBackup()).isTrue();
    }

    @Test
    void anEncodingOtherThanTheServersDefaultIsAWarningWithTheCreateDatabaseToRun() throws Exception {
        String name = "t_latin1_" + Long.toHexString(System.nanoTime());
        server.superuser("postgres", "CREATE DATABASE " + name + " OWNER " + USER
                + " ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");

        PreflightReport report = Preflight.of(server.database(name)).run();

        assertThat(the(report, Severity.WARNING, "charset", "encoding LATIN1").message())
                .endsWith("CREATE DATABASE target ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    }

    @Test
    void anSqlAsciiDatabaseIsAWarningThatBytesAreUnchecked() throws Exception {
        String name = "t_ascii_" + Long.toHexString(System.nanoTime());
        server.superuser("postgres", "CREATE DATABASE " + name + " OWNER " + USER
                + " ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");

        PreflightReport report = Preflight.of(server.database(name)).run();

        assertThat(the(report, Severity.WARNING, "charset", "encoding is SQL_ASCII").message())
                .endsWith("convert the database to UTF8");
    }

    @Test
    void streamingPrerequisitesAreBlockersWhenPointInTimeRecoveryIsWanted() {
        DatabaseSource database = server.newDatabase();

        PreflightReport report = Preflight.of(database).streaming(true).run();
        PreflightReport dumpsOnly = Preflight.of(database).run();

        assertThat(the(report, Severity.BLOCKER, "streaming", "may not replicate").message())
                .contains("ALTER ROLE " + USER + " REPLICATION");
        assertThat(dumpsOnly.blocksBackup()).isFalse();
    }

    @Test
    void destinationsAreCheckedForWritesAndForDeletes() throws Exception {
        DatabaseSource database = server.newDatabase();
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        LocalDirectoryDestination writable = new LocalDirectoryDestination(tmp.resolve("backups"));
        LocalDirectoryDestination unwritable = new LocalDirectoryDestination(file.resolve("backups"));

        PreflightReport report = Preflight.of(database).destinations(List.of(writable, unwritable)).run();

        the(report, Severity.WARNING, "destination", "these credentials can delete your backups");
        the(report, Severity.BLOCKER, "destination", unwritable.description() + " cannot be written");
        assertThat(report.findings().get(0).severity()).isEqualTo(Severity.BLOCKER);
    }

    private BackupPlan plan(DatabaseSource database, PostgresEngine engine) {
        return BackupPlan.builder("app").database(database).engine(engine)
                .destination(new LocalDirectoryDestination(tmp.resolve("backups"))).build();
    }

    /** The text from {@code start} (included) to {@code end} (excluded). */
    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        return text.substring(from, text.indexOf(end, from));
    }

    private static String name(DatabaseSource database) {
        return database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    }
}
