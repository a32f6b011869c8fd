/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing.server;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MariaDB server for integration tests, started from the installed binaries
 * ({@code mariadb-install-db}, {@code mariadbd} of Debian's {@code mariadb-server} package) with
 * {@code --no-defaults} in a temporary folder on a free loopback port, as the {@code mysql} system
 * user when the tests run as root. One server per test JVM, started on first use and stopped at
 * exit; every test takes its own database with {@link #newDatabase()}.
 *
 * <pre>{@code
 * DatabaseSource db = MariaDbServer.shared().newDatabase();   // USER has every privilege on it
 * }</pre>
 */
public final class MariaDbServer extends LocalDatabaseServer {

    /**
     * The user the test databases are given to; it may create databases named {@code t_…} and
     * PlanB's scratch databases {@code planb_verify_…}.
     */
    public static final String USER = "planb_test";
    private static final String ADMIN = "planb_admin";
    private static final String SYSTEM_USER = "mysql";
    private static MariaDbServer shared;

    private final Path folder;
    private final Process server;
    private final String adminPassword = "admin-" + UUID.randomUUID();
    private boolean appOwnerCreated;

    private MariaDbServer() throws IOException, SQLException, InterruptedException {
        this(List.of());
    }

    private MariaDbServer(List<String> extraOptions) throws IOException, SQLException, InterruptedException {
        super("jdbc:mariadb://", USER);
        Path installDb = LocalServers.binary("mariadb-server", Path.of("/usr/bin/mariadb-install-db"),
                Path.of("/usr/bin/mysql_install_db"));
        Path mariadbd = LocalServers.binary("mariadb-server", Path.of("/usr/sbin/mariadbd"), Path.of("/usr/sbin/mysqld"));
        Path client = LocalServers.binary("mariadb-client", Path.of("/usr/bin/mariadb"), Path.of("/usr/bin/mysql"));
        folder = LocalServers.folder("planb-mariadb-", SYSTEM_USER);
        Path data = folder.resolve("data");
        Path socket = folder.resolve("mysqld.sock");
        List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        List<String> start = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + data,
                "--bind-address=127.0.0.1", "--port=" + port(), "--socket=" + socket,
                "--pid-file=" + folder.resolve("mysqld.pid"), "--log-error=" + folder.resolve("error.log"),
                "--skip-name-resolve", "--innodb-buffer-pool-size=64M", "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0", "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
        start.addAll(extraOptions.stream().map(option -> option.replace("{folder}", folder.toString())).toList());
        if (LocalServers.root()) {
            install.add("--user=" + SYSTEM_USER);
            start.add("--user=" + SYSTEM_USER);
        }
        LocalServers.run(install);
        server = new ProcessBuilder(start).redirectErrorStream(true)
                .redirectOutput(folder.resolve("console.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "planb-mariadb-stop"));
        List<String> rootClient = List.of(client.toString(), "--no-defaults", "--socket=" + socket, "-uroot", "-e");
        waitUntilReady(rootClient);
        List<String> setup = new ArrayList<>(rootClient);
        setup.add("CREATE USER '" + ADMIN + "'@'127.0.0.1' IDENTIFIED BY '" + adminPassword + "';"
                + " GRANT ALL ON *.* TO '" + ADMIN + "'@'127.0.0.1' WITH GRANT OPTION;"
                + " CREATE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password() + "';"
                + " GRANT ALL ON `t\\_%`.* TO '" + USER + "'@'127.0.0.1';"
                + " GRANT ALL ON `planb\\_verify\\_%`.* TO '" + USER + "'@'127.0.0.1';");
        LocalServers.run(setup);
    }

    /**
     * {@return the server of this test JVM, started on first use and stopped at exit}
     *
     * @throws IllegalStateException when it cannot start, naming the Debian package when a binary is missing
     */
    public static synchronized MariaDbServer shared() {
        if (shared == null) {
            try {
                shared = new MariaDbServer();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start the test MariaDB server: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the test MariaDB server", e);
            }
        }
        return shared;
    }

    /**
     * A server of the caller's own with binary logging on (row format), whose test user may read the
     * binary log ({@code REPLICATION SLAVE}) and replay it ({@code BINLOG REPLAY}); for point-in-time
     * tests that {@link #crash()} it. Stopped at exit.
     *
     * @return the running server
     * @throws IllegalStateException when it cannot start, naming the Debian package when a binary is missing
     */
    public static MariaDbServer startWithBinlog() {
        try {
            MariaDbServer server = new MariaDbServer(List.of("--log-bin={folder}/data/mysql-bin", "--server-id=1",
                    "--binlog-format=ROW"));
            server.admin("GRANT REPLICATION SLAVE, BINLOG REPLAY ON *.* TO '" + USER + "'@'127.0.0.1'");
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start a test MariaDB server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting a test MariaDB server", e);
        }
    }

    /**
     * Kills the server at once ({@code kill -9}): a crash. Waits up to 30 seconds for it to be gone.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void crash() throws InterruptedException {
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    void createDatabase(String name) throws SQLException {
        admin("CREATE DATABASE " + name);
    }

    /**
     * Names a database on this server for the administrator, who has every privilege, like root.
     *
     * @param name the database's name; it need not exist
     * @return the database with the administrator's credentials
     */
    public DatabaseSource asAdmin(String name) {
        return DatabaseSource.of(jdbcUrl(name), ADMIN, Secret.of(adminPassword));
    }

    /**
     * Creates the account {@code 'login'@'127.0.0.1'} with a random password and exactly {@code grants},
     * each a privilege clause such as {@code "SELECT, SHOW VIEW ON `shop`.*"}, and returns database
     * {@code database} with its credentials: for least-privilege tests.
     *
     * @param login the account's user name; it must not exist yet
     * @param database the database the returned source names
     * @param grants privilege clauses, each granted in its own {@code GRANT … TO} statement
     * @return database {@code database} with the new account's credentials
     * @throws SQLException when the account exists already or a grant is refused
     */
    public DatabaseSource newUser(String login, String database, String... grants) throws SQLException {
        String password = "pw-" + UUID.randomUUID();
        String account = "'" + login + "'@'127.0.0.1'";
        List<String> statements = new ArrayList<>(List.of("CREATE USER " + account + " IDENTIFIED BY '" + password + "'"));
        for (String grant : grants) {
            statements.add("GRANT " + grant + " TO " + account);
        }
        admin(statements.toArray(String[]::new));
        return DatabaseSource.of(jdbcUrl(database), login, Secret.of(password));
    }

    /**
     * The account that defines views, triggers, events and routines in tests, as an application's
     * migration user does: {@code 'app_owner'@'localhost'}, locked (no login), with every privilege on the
     * test databases; created on first use. It must exist: {@code mariadb-dump} writes a view whose definer
     * is missing with its columns qualified by the original database's name.
     *
     * @return the definer as {@code SHOW CREATE} writes it: {@code `app_owner`@`localhost`}
     * @throws SQLException when the account cannot be created
     */
    public synchronized String appOwner() throws SQLException {
        if (!appOwnerCreated) {
            admin("CREATE USER IF NOT EXISTS 'app_owner'@'localhost' ACCOUNT LOCK",
                    "GRANT ALL ON `t\\_%`.* TO 'app_owner'@'localhost'");
            appOwnerCreated = true;
        }
        return "`app_owner`@`localhost`";
    }

    /**
     * Runs SQL statements as an administrator with every privilege, outside any database, in order, each committed
     * on its own.
     *
     * @param statements the statements, without a trailing {@code ;}; qualify tables with their database
     * @throws SQLException when the server refuses one; the statements before it have run
     */
    public void admin(String... statements) throws SQLException {
        execute(jdbcUrl(""), ADMIN, adminPassword, statements);
    }

    private void waitUntilReady(List<String> rootClient) throws IOException, InterruptedException {
        List<String> ping = new ArrayList<>(rootClient);
        ping.add("SELECT 1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                LocalServers.run(ping);
                return;
            } catch (IOException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("mariadbd did not start: " + e.getMessage() + "; its log: "
                            + readLog(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    private String readLog() {
        try {
            return Files.readString(folder.resolve("error.log"));
        } catch (IOException e) {
            return "(none)";
        }
    }

    private void stop() {
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
        }
        LocalServers.delete(folder);
    }
}
