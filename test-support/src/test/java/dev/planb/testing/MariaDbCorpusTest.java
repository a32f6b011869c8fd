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
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.RestoreVerifier;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.engine.mariadb.MariaDbOptions.Definers;
import dev.planb.engine.mariadb.MariaDbOptions;
import dev.planb.spi.Manifest;
import dev.planb.testing.server.MariaDbServer;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MariaDB torture corpus ({@code corpus/mariadb-corpus.sql}), backed up by the least-privileged
 * backup user docs/engines/mariadb.md documents and restored by an administrator and by the documented
 * least-privileged restore and drill users: compared object by object ({@link MariaDbObjects}).
 * The one documented difference: restored with {@code --definers current-user}, the restoring user
 * defines the views, triggers, events and routines.
 */
class MariaDbCorpusTest {

    private static final String APP_OWNER = "`app_owner`@`localhost`"; // MariaDbServer.appOwner()

    @TempDir
    static Path backups;

    static MariaDbServer server;
    static String suffix;
    static String sourceName;
    static LocalDirectoryDestination destination;
    static Manifest backup;
    static Map<String, String> original;

    @BeforeAll
    static void backUpTheCorpusAsTheBackupUser() throws Exception {
        server = MariaDbServer.shared();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        sourceName = "t_shop-db_" + suffix;
        server.appOwner();
        server.admin("CREATE DATABASE `" + sourceName + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        load(server.asAdmin(sourceName), "/corpus/mariadb-corpus.sql");
        original = MariaDbObjects.of(server.asAdmin(sourceName));

        // The backup user of docs/engines/mariadb.md, exactly.
        DatabaseSource backupUser = server.newUser("backup_" + suffix, sourceName,
                "SELECT, SHOW VIEW, TRIGGER, EVENT ON `" + sourceName + "`.*", "SELECT ON mysql.proc");
        destination = new LocalDirectoryDestination(backups);
        backup = PlanB.backup(BackupPlan.builder("corpus").database(backupUser).destination(destination).build())
                .manifest();
    }

    @Test
    void theCorpusHoldsWhatItClaims() {
        assertThat(original).containsKeys("table customers", "table order-lines", "table documents", "table empty table",
                "sequence invoice_numbers", "view customer_totals", "view big-orders", "trigger customers_audit",
                "function order_total", "procedure add-customer", "event purge_audit");
        assertThat(original.get("database")).isEqualTo("utf8mb4 utf8mb4_bin");
        assertThat(MariaDbObjects.definers(original)).containsExactly(APP_OWNER);
        assertThat(original.get("content documents")).startsWith("3 rows");
    }

    @Test
    void anAdministratorRestoresItIdenticallyObjectByObject() throws Exception {
        String copy = "t_root_copy_" + suffix;

        RestoreResult result = PlanB.restore(RestoreRequest.builder().from(destination).plan("corpus")
                .target(server.asAdmin(copy)).build());

        assertThat(result.mismatches()).isEmpty();
        assertThat(MariaDbObjects.of(server.asAdmin(copy))).isEqualTo(original);
    }

    @Test
    void theLeastPrivilegedRestoreUserRestoresItWithDefinersCurrentUser() throws Exception {
        String copy = "t_copy_" + suffix;
        DatabaseSource restoreUser = server.newUser("restore_" + suffix, copy, "ALL ON `" + copy + "`.*");

        assertThatThrownBy(() -> restore(restoreUser, Definers.KEEP))
                .isInstanceOfSatisfying(PlanBException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_FAILED);
                    assertThat(e.getMessage()).doesNotContain("\n").contains("ERROR 1227", "lacks SUPER or SET USER",
                            "--definers current-user", "GRANT SET USER");
                });
        assertThat(new MariaDbEngine().databases(server.asAdmin(""))).as("the database the failed restore created is dropped").doesNotContain(copy);

        RestoreResult result = restore(restoreUser, Definers.CURRENT_USER);

        assertThat(result.mismatches()).isEmpty();
        Map<String, String> restored = MariaDbObjects.of(server.asAdmin(copy));
        assertThat(MariaDbObjects.withoutDefiners(restored)).isEqualTo(MariaDbObjects.withoutDefiners(original));
        assertThat(MariaDbObjects.definers(restored)).containsExactly("`restore_" + suffix + "`@`127.0.0.1`");
    }

    @Test
    void theLeastPrivilegedDrillUserDrillsIt() throws Exception {
        DatabaseSource drillUser = server.newUser("drill_" + suffix, "", "ALL ON `planb\\_verify\\_%`.*");

        VerificationResult result = new RestoreVerifier(destination).verify(VerificationRequest.builder()
                .plan("corpus").drillOn(drillUser)
                .engine(new MariaDbEngine(MariaDbOptions.DEFAULTS.withDefiners(Definers.CURRENT_USER))).build());

        assertThat(result.problems()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.restoredTables()).isEqualTo(backup.tables());
    }

    private static RestoreResult restore(DatabaseSource target, Definers definers) {
        return PlanB.restore(RestoreRequest.builder().from(destination).plan("corpus").target(target)
                .engine(new MariaDbEngine(MariaDbOptions.DEFAULTS.withDefiners(definers))).build());
    }

    /** Runs a corpus file: statements end with a line holding only {@code //}. */
    static void load(DatabaseSource database, String resource) throws Exception {
        String script;
        try (var in = MariaDbCorpusTest.class.getResourceAsStream(resource)) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password().reveal()); Statement statement = connection.createStatement()) {
            for (String sql : script.split("\n//\n")) {
                String withoutComments = sql.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
                if (!withoutComments.isBlank()) {
                    statement.execute(withoutComments);
                }
            }
        }
    }
}
