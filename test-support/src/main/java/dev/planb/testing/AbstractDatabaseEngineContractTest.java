/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.DumpResult;
import dev.planb.spi.TableCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link DatabaseEngine} follows: it dumps every table with exact row counts,
 * restores every row (unicode, binary and large values included), refuses to overwrite data without force,
 * and fails clearly on a database it cannot read. An engine's test extends this class:
 *
 * <pre>{@code
 * class SqliteEngineContractTest extends AbstractDatabaseEngineContractTest {
 *     @TempDir Path dir;
 *     protected DatabaseEngine engine() { return new SqliteEngine(); }
 *     protected DatabaseSource newDatabase() { return DatabaseSource.of("jdbc:sqlite:" + dir.resolve(UUID.randomUUID() + ".db")); }
 *     protected DatabaseSource unreadableDatabase() { return DatabaseSource.of("jdbc:sqlite:" + dir.resolve("missing.db")); }
 * }
 * }</pre>
 *
 * Engines that take a password also implement {@link CredentialsContract}; engines that run the
 * database's tools, {@link ExternalToolContract}; databases with schemas, {@link SchemasContract}.
 */
public abstract class AbstractDatabaseEngineContractTest {

    /** Rows in the sample customers table. */
    protected static final int CUSTOMERS = 250;
    /** Rows in the sample orders table. */
    protected static final int ORDERS = 1_000;
    /** Rows in the sample attachments table. */
    protected static final int ATTACHMENTS = 20;
    /** The size of the large binary value that must survive a round trip. */
    protected static final int LARGE_VALUE_BYTES = 5 * 1024 * 1024;

    /** For an engine's test, which extends this class. */
    protected AbstractDatabaseEngineContractTest() {
    }

    /**
     * {@return the engine under test} The tests call it often, so it may return a new instance each time or
     * the same one.
     */
    protected abstract DatabaseEngine engine();

    /**
     * {@return a new, empty database, different on every call} It may not exist yet when the engine creates
     * it on first use (an SQLite file).
     *
     * @throws Exception when the database cannot be created; the test fails with it
     */
    protected abstract DatabaseSource newDatabase() throws Exception;

    /**
     * {@return a database the engine cannot read, such as a missing file or an unreachable server} The engine's
     * {@code checkReadable} must refuse it with {@link ErrorCode#DATABASE_UNAVAILABLE}.
     *
     * @throws Exception when the source cannot be prepared; the test fails with it
     */
    protected abstract DatabaseSource unreadableDatabase() throws Exception;

    /**
     * {@return the SQL type of the binary column of the sample {@code attachments} table} {@code BLOB} unless
     * overridden, e.g. {@code BYTEA} for PostgreSQL.
     */
    protected String binaryType() {
        return "BLOB";
    }

    /**
     * {@return the SQL type of a binary column that holds {@link #LARGE_VALUE_BYTES} bytes} {@link #binaryType()}
     * unless overridden; override it where that type cannot hold so much (MariaDB's {@code BLOB} holds 64 KiB).
     */
    protected String largeBinaryType() {
        return binaryType();
    }

    @Test
    void dumpRecordsEveryTableWithItsRowCount() throws Exception {
        DatabaseSource source = populatedDatabase();
        DumpResult dump = engine().dump(source, new ByteArrayOutputStream());

        assertThat(normalized(dump.tables())).containsExactlyInAnyOrder(
                new TableCount("attachments", ATTACHMENTS), new TableCount("customers", CUSTOMERS),
                new TableCount("orders", ORDERS));
        assertThat(dump.serverVersion()).isNotBlank();
        assertThat(dump.dumpTool()).isNotBlank();
    }

    @Test
    void restoreReproducesEveryRow() throws Exception {
        DatabaseSource source = populatedDatabase();
        DatabaseSource copy = newDatabase();

        restore(dumpOf(source), copy, false);

        for (String table : List.of("customers", "orders", "attachments")) {
            assertThat(rows(copy, table)).as(table).isEqualTo(rows(source, table));
        }
        assertThat(normalized(engine().tableCounts(copy))).isEqualTo(normalized(engine().tableCounts(source)));
    }

    @Test
    void restoreRefusesDatabaseWithDataUnlessForced() throws Exception {
        byte[] dump = dumpOf(populatedDatabase());
        DatabaseSource target = newDatabase();
        execute(target, "CREATE TABLE precious (id INTEGER PRIMARY KEY)", "INSERT INTO precious VALUES (42)");

        assertThatThrownBy(() -> engine().checkRestoreTarget(target, false))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_REFUSED));
        assertThat(rows(target, "precious")).hasSize(1);

        restore(dump, target, true);
        // Engines replace at least the backup's tables; some (pg_restore --clean) leave other tables be.
        assertThat(normalized(engine().tableCounts(target))).contains(
                new TableCount("attachments", ATTACHMENTS), new TableCount("customers", CUSTOMERS),
                new TableCount("orders", ORDERS));
    }

    @Test
    void largeBinaryValuesSurvive() throws Exception {
        DatabaseSource source = newDatabase();
        byte[] large = new byte[LARGE_VALUE_BYTES];
        new java.util.Random(42).nextBytes(large);
        execute(source, "CREATE TABLE documents (id INTEGER PRIMARY KEY, data " + largeBinaryType() + ")");
        try (Connection connection = connect(source);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO documents VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setBytes(2, large);
            insert.executeUpdate();
        }
        DatabaseSource copy = newDatabase();

        restore(dumpOf(source), copy, false);

        assertThat(rows(copy, "documents")).isEqualTo(rows(source, "documents"));
    }

    @Test
    void emptyTargetIsAccepted() throws Exception {
        DatabaseSource target = newDatabase();
        engine().checkRestoreTarget(target, false);
    }

    @Test
    void unreadableDatabaseFailsWithClearMessage() throws Exception {
        DatabaseSource unreadable = unreadableDatabase();
        assertThatThrownBy(() -> engine().checkReadable(unreadable))
                .isInstanceOfSatisfying(PlanBException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                });
    }

    @Test
    void handlesItsOwnUrls() throws Exception {
        assertThat(engine().handles(newDatabase().jdbcUrl())).isTrue();
        assertThat(engine().handles("jdbc:unknown:db")).isFalse();
    }

    /**
     * {@return a new database filled with the sample tables} See {@link #populate(DatabaseSource)}.
     *
     * @throws Exception when {@link #newDatabase()} or filling it fails
     */
    protected DatabaseSource populatedDatabase() throws Exception {
        DatabaseSource source = newDatabase();
        populate(source);
        return source;
    }

    /**
     * Creates the sample tables and fills them in one transaction: {@code customers} ({@value #CUSTOMERS} rows of unicode
     * text, quotes and nulls), {@code orders} ({@value #ORDERS} rows of decimals) and {@code attachments}
     * ({@value #ATTACHMENTS} rows of binary values of up to 5 KiB).
     *
     * @param source an empty database
     * @throws SQLException when a table exists already or the database refuses a statement
     */
    protected void populate(DatabaseSource source) throws SQLException {
        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100), note VARCHAR(200))");
            statement.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount DECIMAL(10,2))");
            statement.execute("CREATE TABLE attachments (id INTEGER PRIMARY KEY, data " + binaryType() + ")");
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customers VALUES (?, ?, ?)")) {
                for (int i = 1; i <= CUSTOMERS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "customer " + i);
                    insert.setString(3, i % 3 == 0 ? null : "Zoë 東京 🚀 'quoted' \"double\" \\ " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ORDERS; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, 1 + i % CUSTOMERS);
                    insert.setBigDecimal(3, new java.math.BigDecimal(i * 7 % 10_000 + ".25"));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attachments VALUES (?, ?)")) {
                for (int i = 1; i <= ATTACHMENTS; i++) {
                    byte[] data = new byte[256 * i];
                    for (int b = 0; b < data.length; b++) {
                        data[b] = (byte) (b + i);
                    }
                    insert.setInt(1, i);
                    insert.setBytes(2, data);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Opens a JDBC connection to a database, logging in with the source's user and password when it has them.
     *
     * @param source the database to connect to
     * @return a new connection, which the caller closes
     * @throws SQLException when the database cannot be reached or refuses the login
     */
    protected Connection connect(DatabaseSource source) throws SQLException {
        Properties properties = new Properties();
        source.userName().ifPresent(user -> properties.setProperty("user", user));
        source.passwordSecret().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return DriverManager.getConnection(source.jdbcUrl(), properties);
    }

    /**
     * Runs SQL statements in a database, in order, each committed on its own (auto-commit).
     *
     * @param source the database to run them in
     * @param statements the statements, without a trailing {@code ;}
     * @throws SQLException when the database refuses one; the statements before it have run
     */
    protected void execute(DatabaseSource source, String... statements) throws SQLException {
        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Reads a whole table, to compare a restored copy with its source.
     *
     * @param source the database to read
     * @param table a table with an {@code id} column
     * @return every row ordered by {@code id}, each value as a string that compares equal across databases
     *     (binary values in hex, SQL {@code NULL} as {@code "null"})
     * @throws SQLException when the table does not exist or cannot be read
     */
    protected List<List<String>> rows(DatabaseSource source, String table) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = connect(source); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    row.add(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                            : value instanceof java.sql.Blob blob ? HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()))
                            : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * Dumps a database with {@link #engine()} into memory, which suits the small sample tables only.
     *
     * @param source the database to dump
     * @return the dump, as the engine writes it
     * @throws Exception when the engine fails to dump it
     */
    protected byte[] dumpOf(DatabaseSource source) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine().dump(source, out);
        return out.toByteArray();
    }

    /**
     * Restores a dump as PlanB does: the engine first checks the target, then restores into it.
     *
     * @param dump a dump made by {@link #dumpOf(DatabaseSource)}
     * @param target the database to restore into
     * @param force whether a target that holds data may be overwritten
     * @throws Exception when the engine refuses the target ({@link ErrorCode#RESTORE_REFUSED}) or the restore fails
     */
    protected void restore(byte[] dump, DatabaseSource target, boolean force) throws Exception {
        engine().checkRestoreTarget(target, force);
        engine().restore(new ByteArrayInputStream(dump), target);
    }

    /**
     * Makes table counts comparable across engines, some of which upper-case unquoted identifiers (H2).
     *
     * @param tables table counts as an engine reports them
     * @return the same counts with table names in lower case, sorted by name
     */
    protected static List<TableCount> normalized(List<TableCount> tables) {
        return tables.stream()
                .map(table -> new TableCount(table.table().toLowerCase(Locale.ROOT), table.rows()))
                .sorted(java.util.Comparator.comparing(TableCount::table))
                .toList();
    }
}
