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
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.engine.mariadb.MariaDbOptions;
import dev.planb.spi.Finding.Severity;
import dev.planb.testing.server.MariaDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PlanB.preflight} on a real MariaDB 10.11 server: every kind of finding provoked with users
 * that hold exactly the grants under test, and the GRANTs the findings name make the backup work.
 */
class MariaDbPreflightTest {

    /** What docs/engines/mariadb.md documents for a backup user: every finding below is one of these missing. */
    private static final String BACKUP_GRANTS = "SELECT, SHOW VIEW, TRIGGER, EVENT";

    @TempDir
    Path tmp;

    private final MariaDbServer server = MariaDbServer.shared();

    @Test
    void aUserWithTheDocumentedGrantsHasNoBlockerNorPrivilegeWarningAndBacksUp() throws Exception {
        DatabaseSource database = databaseWithEveryKindOfObject();
        DatabaseSource backupUser = user(database, "GRANT " + BACKUP_GRANTS + " ON " + name(database) + ".* TO {user}",
                "GRANT SELECT ON mysql.proc TO {user}");
        BackupPlan plan = plan(backupUser);

        PreflightReport report = PlanB.preflight(plan);

        assertThat(report.blocksBackup()).as("%s", report).isFalse();
        the(report, Severity.OK, "privileges", "may read every table, view, trigger, event and routine");
        the(report, Severity.OK, "dump tool", "mariadb-dump 10.11");
        the(report, Severity.OK, "charset", "character set utf8mb4");
        assertThat(PlanB.backup(plan).isComplete()).isTrue();
    }

    @Test
    void eachMissingPrivilegeIsOneFindingWithItsGrant() throws Exception {
        DatabaseSource database = databaseWithEveryKindOfObject();
        String db = name(database);
        DatabaseSource executeOnly = user(database, "GRANT EXECUTE ON " + db + ".* TO {user}");
        String account = "'" + executeOnly.userName().orElseThrow() + "'@'127.0.0.1'";

        PreflightReport report = Preflight.of(executeOnly).run();

        assertThat(the(report, Severity.BLOCKER, "privileges", "lacks SELECT on " + db).message())
                .endsWith("GRANT SELECT ON `" + db + "`.* TO " + account);
        assertThat(the(report, Severity.BLOCKER, "privileges", "lacks EVENT on " + db).message())
                .endsWith("GRANT EVENT ON `" + db + "`.* TO " + account);
        assertThat(the(report, Severity.WARNING, "privileges", "lacks TRIGGER on " + db).message())
                .endsWith("GRANT TRIGGER ON `" + db + "`.* TO " + account);
        assertThat(the(report, Severity.BLOCKER, "privileges", "may not read the body of procedure touch").message())
                .endsWith("GRANT SELECT ON mysql.proc TO " + account);
    }

    @Test
    void missingShowViewOnADatabaseWithViewsIsABlockerAndTheBackupFailsWithoutIt() throws Exception {
        DatabaseSource database = databaseWithEveryKindOfObject();
        String db = name(database);
        DatabaseSource noShowView = user(database, "GRANT SELECT, TRIGGER, EVENT ON " + db + ".* TO {user}",
                "GRANT SELECT ON mysql.proc TO {user}");
        BackupPlan plan = plan(noShowView);

        PreflightReport report = PlanB.preflight(plan);

        assertThat(the(report, Severity.BLOCKER, "privileges", "lacks SHOW VIEW on " + db).message())
                .contains("GRANT SHOW VIEW ON `" + db + "`.*");
        assertThat(report.blockers()).hasSize(1);
        assertThatThrownBy(() -> PlanB.backup(plan)).isInstanceOf(PlanBException.class).hasMessageContaining("SHOW VIEW");
    }

    @Test
    void routinesOfOtherDefinersThatAreInvisibleAreAWarningNamingMysqlProc() throws Exception {
        DatabaseSource database = databaseWithEveryKindOfObject();
        DatabaseSource noProc = user(database, "GRANT " + BACKUP_GRANTS + " ON " + name(database) + ".* TO {user}");

        PreflightReport report = Preflight.of(noProc).run();

        assertThat(the(report, Severity.WARNING, "privileges", "may not read mysql.proc").message())
                .endsWith("GRANT SELECT ON mysql.proc TO '" + noProc.userName().orElseThrow() + "'@'127.0.0.1'");
        assertThat(report.blocksBackup()).isFalse();
    }

    @Test
    void objectsWithAnotherDefinerAreAWarningNamingSetUser() throws Exception {
        DatabaseSource database = databaseWithEveryKindOfObject();

        PreflightReport report = Preflight.of(database).run();

        assertThat(the(report, Severity.WARNING, "definer", "run as DEFINER planb_admin@127.0.0.1").message())
                .contains("view priced").contains("procedure touch").contains("trigger stamp").contains("event tidy")
                .contains("--definers current-user").contains("GRANT SET USER ON *.* TO the restore user");
    }

    @Test
    void wrongCredentialsAreOneBlockerWithoutThePassword() {
        DatabaseSource database = server.newDatabase();
        DatabaseSource wrong = DatabaseSource.of(database.jdbcUrl(), MariaDbServer.USER, Secret.of("not-the-password"));

        PreflightReport report = Preflight.of(wrong).run();

        assertThat(report.blockers()).singleElement().satisfies(finding -> {
            assertThat(finding.check()).isEqualTo("database");
            assertThat(finding.message()).contains("Access denied").doesNotContain("not-the-password");
        });
    }

    @Test
    void aNonTransactionalTableIsAWarningNamingTheAlterTable() throws Exception {
        DatabaseSource database = server.newDatabase();
        server.admin("CREATE TABLE " + name(database) + ".hits (id int) ENGINE=MyISAM");

        PreflightReport report = Preflight.of(database).run();

        assertThat(the(report, Severity.WARNING, "consistency", "hits (MyISAM)").message())
                .endsWith("ALTER TABLE hits ENGINE=InnoDB");
    }

    @Test
    void aDatabaseCharsetOtherThanTheServersIsFineSinceTheDumpCarriesIt() throws Exception {
        String db = "t_latin1_" + UUID.randomUUID().toString().substring(0, 8);
        server.admin("CREATE DATABASE " + db + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");

        PreflightReport report = Preflight.of(server.database(db)).run();

        assertThat(the(report, Severity.OK, "charset", "character set latin1, collation latin1_swedish_ci").message())
                .contains("the dump carries them");
    }

    @Test
    void aMissingDumpToolIsABlockerAndAnOlderOrMySqlOneAWarning() throws Exception {
        DatabaseSource database = server.newDatabase();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path old = toolPrinting(tmp.resolve("old"), "mariadb-dump",
                "mariadb-dump  Ver 10.17 Distrib 10.3.39-MariaDB, for debian-linux-gnu (x86_64)");

        PreflightReport missing = Preflight.of(database).engine(new MariaDbEngine(new MariaDbOptions(empty))).run();
        PreflightReport older = Preflight.of(database).engine(new MariaDbEngine(new MariaDbOptions(old))).run();

        Path mysql = toolPrinting(tmp.resolve("mysql"), "mysqldump", "mysqldump  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)");
        PreflightReport mysqlTool = Preflight.of(database).engine(new MariaDbEngine(new MariaDbOptions(mysql))).run();

        the(missing, Severity.BLOCKER, "dump tool", "mariadb-dump (or mysqldump) not found in " + empty);
        the(mysqlTool, Severity.WARNING, "dump tool", "mysqldump (" + mysql.resolve("mysqldump") + ") is MySQL's, not MariaDB's");
        the(older, Severity.WARNING, "dump tool", "mariadb-dump 10.3.39-MariaDB (" + old.resolve("mariadb-dump")
                + ") is older than the server 10.11");
    }

    @Test
    void binlogStreamingPrerequisitesAreBlockersWhenPointInTimeRecoveryIsWanted() {
        DatabaseSource database = server.newDatabase();

        PreflightReport report = Preflight.of(database).streaming(true).run();

        the(report, Severity.BLOCKER, "streaming", "binary logging is off");
        the(report, Severity.BLOCKER, "streaming", "GRANT REPLICATION SLAVE ON *.* TO '" + MariaDbServer.USER + "'@");
        noneOf(Preflight.of(database).run(), Severity.BLOCKER, "streaming");
    }

    @Test
    void aServerThatAllowsBinlogStreamingHasNoStreamingBlocker() throws Exception {
        MariaDbServer withBinlog = MariaDbServer.startWithBinlog();

        PreflightReport report = Preflight.of(withBinlog.newDatabase()).streaming(true).run();

        the(report, Severity.OK, "streaming", "the server allows binlog streaming");
        noneOf(report, Severity.BLOCKER, "streaming");
    }

    /** A table, a view, a procedure, a trigger and an event, each defined by the administrator. */
    private DatabaseSource databaseWithEveryKindOfObject() throws Exception {
        DatabaseSource database = server.newDatabase();
        String db = name(database);
        server.admin("CREATE TABLE " + db + ".items (id int PRIMARY KEY, price int, changed timestamp NULL)",
                "INSERT INTO " + db + ".items VALUES (1, 10, NULL)",
                "CREATE VIEW " + db + ".priced AS SELECT id, price FROM " + db + ".items",
                "CREATE PROCEDURE " + db + ".touch() UPDATE " + db + ".items SET changed = NOW()",
                "CREATE TRIGGER " + db + ".stamp BEFORE UPDATE ON " + db + ".items FOR EACH ROW SET NEW.changed = NOW()",
                "CREATE EVENT " + db + ".tidy ON SCHEDULE EVERY 1 DAY DO DELETE FROM " + db + ".items WHERE price < 0");
        return database;
    }

    /** A new user of the server with {@code grants} ({@code {user}} stands for it), on {@code database}. */
    private DatabaseSource user(DatabaseSource database, String... grants) throws Exception {
        String user = "u_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String password = "pw-" + UUID.randomUUID();
        server.admin("CREATE USER '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
        for (String grant : grants) {
            server.admin(grant.replace("{user}", "'" + user + "'@'127.0.0.1'"));
        }
        return DatabaseSource.of(database.jdbcUrl(), user, Secret.of(password));
    }

    private BackupPlan plan(DatabaseSource database) {
        return BackupPlan.builder("app").database(database)
                .destination(new LocalDirectoryDestination(tmp.resolve("backups"))).build();
    }

    private static String name(DatabaseSource database) {
        return database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    }
}
