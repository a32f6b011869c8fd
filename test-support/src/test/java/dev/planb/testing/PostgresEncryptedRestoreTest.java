/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.Secret;
import dev.planb.crypto.Decryption;
import dev.planb.crypto.Encryption;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.support.jdbc.Jdbc;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An encrypted PostgreSQL restore streams into one transaction: damage anywhere in the stored file, up to its last
 * byte, must leave the target without a single row, as the stored checksum and the integrity code are only known
 * at the very end of the stream.
 */
class PostgresEncryptedRestoreTest {

    private static final Secret PASSPHRASE = Secret.of("restore only what was stored 9d1c");

    @TempDir
    Path tmp;

    @Test
    void damageInTheLastStoredByteCommitsNothingAndAnIntactBackupRestoresEveryRow() throws Exception {
        DatabaseSource source = PostgresServer.shared().newDatabase();
        execute(source, "CREATE TABLE readings (id int PRIMARY KEY, note text)",
                "INSERT INTO readings SELECT i, md5(i::text) FROM generate_series(1, 20000) AS i");
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        BackupResult backup = PlanB.backup(BackupPlan.builder("pg").database(source).destination(destination)
                .encryption(Encryption.withPassphrase(PASSPHRASE)).build());
        Path stored = destination.root().resolve("pg").resolve(backup.id().value())
                .resolve(backup.manifest().artifacts().get(0).name());
        byte[] intact = Files.readAllBytes(stored);

        byte[] damaged = intact.clone();
        damaged[damaged.length - 1] ^= 0x01;
        Files.write(stored, damaged);
        DatabaseSource target = PostgresServer.shared().newDatabase();
        assertThatThrownBy(() -> PlanB.restore(request(destination, target)))
                .isInstanceOf(PlanBException.class)
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.CORRUPT_BACKUP));
        assertThat(tableCount(target)).as("tables in the target after a refused restore").isZero();

        Files.write(stored, intact);
        PlanB.restore(request(destination, target));
        assertThat(rows(target)).isEqualTo(20000);
    }

    private static RestoreRequest request(LocalDirectoryDestination destination, DatabaseSource target) {
        return RestoreRequest.builder().from(destination).plan("pg").target(target)
                .decryption(Decryption.withPassphrase(PASSPHRASE)).build();
    }

    private static long tableCount(DatabaseSource database) throws Exception {
        return single(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    }

    private static long rows(DatabaseSource database) throws Exception {
        return single(database, "SELECT count(*) FROM readings");
    }

    private static long single(DatabaseSource database, String sql) throws Exception {
        try (Connection connection = connect(database)) {
            return Long.parseLong(Jdbc.queryString(connection, sql));
        }
    }

    private static void execute(DatabaseSource database, String... statements) throws Exception {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(DatabaseSource database) {
        return Jdbc.connect(database, database.jdbcUrl(), new Properties(), "org.postgresql:postgresql");
    }
}
