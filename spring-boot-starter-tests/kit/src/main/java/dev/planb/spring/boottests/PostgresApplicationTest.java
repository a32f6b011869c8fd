/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.spi.Manifest;
import dev.planb.testing.PostgresObjects;
import dev.planb.testing.server.PostgresServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The starter in an application on a real PostgreSQL, from {@code spring.datasource.*}. */
public class PostgresApplicationTest extends StarterApplicationContract {

    @Override
    protected AppDatabase database() {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource orders = server.newDatabase();
        return new AppDatabase(orders, DataSourceProperties.of(orders), server.newDatabase());
    }

    /**
     * What the docs tell users to do when the application is down: {@code planb restore --from DIR --backup ID
     * --to-db URL}, the command line in a process of its own, on the application's own (encrypted) backup, with the
     * secrets in environment variables. The restored database is the application's, object by object.
     */
    @Test
    void theCommandLineRestoresTheApplicationsBackup() throws Exception {
        Manifest backup = firstBackup();
        PostgresServer server = PostgresServer.shared();
        DatabaseSource target = server.newDatabase();
        String password = target.passwordSecret().map(Secret::reveal).orElseThrow();

        PlanBCommandLine.Result restore = PlanBCommandLine.run(
                Map.of("KIT_PASSPHRASE", PASSPHRASE, "KIT_DB_PASSWORD", password),
                "restore", "--from", backupFolder().toString(), "--plan", "app", "--backup", backup.id().toString(),
                "--to-db", target.jdbcUrl(), "--user", target.userName().orElseThrow(), "--password-env",
                "KIT_DB_PASSWORD", "--passphrase-env", "KIT_PASSPHRASE");

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).doesNotContain(PASSPHRASE).doesNotContain(password);
        assertThat(Jdbc.rows(target, "SELECT count(*) FROM orders")).containsExactly(String.valueOf(ORDERS));
        assertThat(PostgresObjects.read(server, target, List.of()))
                .isEqualTo(PostgresObjects.read(server, appDatabase().source(), List.of()));
    }
}
