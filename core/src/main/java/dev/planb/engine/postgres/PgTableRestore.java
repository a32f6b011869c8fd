/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.engine.TablePlacement;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.TarFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.ScratchDatabase;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table-level restore from a {@code pg_dump} archive (custom or directory format).
 *
 * <p>{@code pg_restore} cannot rename a table or move it to another schema, and restoring
 * {@code public.orders} straight into a live database that has {@code public.orders} would collide
 * with it, its indexes and its sequences. So the archive is restored, with a {@code -L} list, into a
 * scratch database on the same server: the whole schema without data (cheap), the rows of the chosen
 * tables only, no foreign keys (they would point at empty tables there) and nothing that reaches
 * outside the database (subscriptions, event triggers). There the server's own {@code ALTER TABLE …
 * RENAME / SET SCHEMA}, {@code ALTER INDEX … RENAME} and {@code ALTER SEQUENCE … RENAME} give the tables,
 * their indexes (and so their constraints) and their owned sequences (serial and identity) the new
 * names, exactly, without rewriting any SQL text. Then {@code pg_dump -t} of just those tables is
 * restored into the live database with {@code pg_restore --single-transaction}: all or nothing. The
 * counts are checked there; on a mismatch the new tables are dropped again.
 */
final class PgTableRestore {

    private static final Logger LOG = LoggerFactory.getLogger(PgTableRestore.class);
    /** The longest name PostgreSQL keeps (NAMEDATALEN - 1 bytes). */
    private static final int MAX_NAME = 63;
    /** Archive entries a scratch copy of the schema leaves out: other tables' rows, and what reaches outside the database. */
    private static final List<String> LEFT_OUT = List.of("FK CONSTRAINT", "MATERIALIZED VIEW DATA", "BLOB", "BLOBS",
            "BLOB DATA", "LARGE OBJECT", "EVENT TRIGGER", "SUBSCRIPTION", "SUBSCRIPTION TABLE", "PUBLICATION",
            "PUBLICATION TABLE", "PUBLICATION TABLES IN SCHEMA", "DATABASE PROPERTIES", "DATABASE");
    private static final int TAR_MAGIC_OFFSET = 257;

    static final TablePlacement.Naming NAMING = new TablePlacement.Naming() {
        @Override
        public QualifiedTable parse(String manifestName) {
            String qualified = PgTables.qualify(manifestName);
            int dot = qualified.indexOf('.');
            return table(qualified.substring(0, dot), qualified.substring(dot + 1));
        }

        @Override
        public QualifiedTable table(String schema, String name) {
            return new QualifiedTable(schema, name, PgTables.displayName(schema, name));
        }
    };

    private final PostgresOptions options;

    PgTableRestore(PostgresOptions options) {
        this.options = options;
    }

    /** Refuses names in the way and live tables with rows to replace; see {@link TablePlacement#refuseConflicts}. */
    List<TablePlacement> check(DatabaseSource target, TableRestore restore) {
        try (Connection connection = PostgresEngine.openConnection(target)) {
            List<TablePlacement> placements = TablePlacement.place(restore, NAMING, table -> exists(connection, table));
            for (TablePlacement placement : placements) {
                requireShortName(placement.restored().name());
            }
            TablePlacement.refuseConflicts(placements, restore, connection, table -> exists(connection, table));
            return placements;
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read PostgreSQL database "
                    + target.redactedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    List<RestoredTable> restore(InputStream dump, DatabaseSource target, TableRestore restore) throws IOException {
        List<TablePlacement> placements = check(target, restore);
        PgConnection live = PgConnection.of(target);
        try (PrivateFolder folder = PrivateFolder.create()) {
            Map<String, String> environment = live.environment(folder);
            Path archive = stage(new BufferedInputStream(dump, 64 * 1024), folder.path());
            Path tables = folder.path().resolve("tables.pgdump");
            try (ScratchDatabase scratch = new PgScratchDatabases().create(target)) {
                restoreIntoScratch(archive, folder.path(), placements, scratch.source(), environment);
                prepareInScratch(scratch.source(), placements);
                dumpFromScratch(scratch.source(), placements, tables, environment);
            }
            return restoreIntoLive(tables, target, restore, placements, environment);
        }
    }

    /** The archive as a file (custom format) or an unpacked folder (directory format, stored as tar). */
    private static Path stage(BufferedInputStream in, Path folder) throws IOException {
        in.mark(TAR_MAGIC_OFFSET + 8);
        byte[] header = in.readNBytes(TAR_MAGIC_OFFSET + 5);
        in.reset();
        boolean tar = header.length == TAR_MAGIC_OFFSET + 5
                && "ustar".equals(new String(header, TAR_MAGIC_OFFSET, 5, StandardCharsets.US_ASCII));
        if (tar) {
            Path directory = Files.createDirectory(folder.resolve("dump"));
            TarFolder.read(in, directory);
            return directory;
        }
        Path file = folder.resolve("database.pgdump");
        Files.copy(in, file);
        return file;
    }

    private void restoreIntoScratch(Path archive, Path folder, List<TablePlacement> placements, DatabaseSource scratch,
            Map<String, String> environment) throws IOException {
        PgTools.Tool pgRestore = PgTools.find("pg_restore", options.tools(), 0);
        Path fullList = folder.resolve("archive.list");
        ToolRunner.run(new ToolCommand("pg_restore", List.of(pgRestore.path().toString(), "--list", "--file=" + fullList,
                archive.toString()), environment), null, null);
        Path list = folder.resolve("tables.list");
        writeList(fullList, list, placements);
        List<String> arguments = new ArrayList<>(List.of(pgRestore.path().toString(), "--exit-on-error",
                "--use-list=" + list, "--jobs=" + options.jobs()));
        if (options.noOwner()) {
            arguments.add("--no-owner");
        }
        arguments.addAll(PgConnection.of(scratch).arguments());
        arguments.add(archive.toString());
        ToolRunner.run(new ToolCommand("pg_restore", arguments, environment), null, null);
    }

    /** The archive's table of contents without what the scratch copy leaves out; see the class comment. */
    static void writeList(Path fullList, Path list, List<TablePlacement> placements) throws IOException {
        List<String> wanted = placements.stream()
                .map(placement -> placement.live().schema() + " " + placement.live().name() + " ").toList();
        try (BufferedReader in = Files.newBufferedReader(fullList, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (keep(line, wanted)) {
                    out.write(line);
                    out.newLine();
                }
            }
        }
    }

    /** Whether a line of {@code pg_restore --list} ({@code id; tableoid oid TYPE schema name owner}) stays. */
    private static boolean keep(String line, List<String> wanted) {
        int semicolon = line.indexOf(';');
        if (line.startsWith(";") || semicolon < 0) {
            return true;
        }
        String[] fields = line.substring(semicolon + 1).strip().split(" ", 3);
        if (fields.length < 3) {
            return true;
        }
        String entry = fields[2];
        if (entry.startsWith("TABLE DATA ")) {
            String rest = entry.substring("TABLE DATA ".length()) + " ";
            return wanted.stream().anyMatch(rest::startsWith);
        }
        return LEFT_OUT.stream().noneMatch(type -> entry.startsWith(type + " "));
    }

    /** Gives each chosen table, its indexes and its owned sequences their new names; drops its foreign keys. */
    private static void prepareInScratch(DatabaseSource scratch, List<TablePlacement> placements) throws IOException {
        try (Connection connection = PostgresEngine.openConnection(scratch)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (TablePlacement placement : placements) {
                    QualifiedTable from = placement.live();
                    QualifiedTable to = placement.restored();
                    String oid = "'" + from.quoted().replace("'", "''") + "'::regclass";
                    for (String constraint : Jdbc.queryStrings(connection, "SELECT conname FROM pg_constraint"
                            + " WHERE conrelid = " + oid + " AND contype = 'f'")) {
                        statement.execute("ALTER TABLE " + from.quoted() + " DROP CONSTRAINT " + Jdbc.quoteIdentifier(constraint));
                    }
                    detachFromParents(connection, statement, from, oid);
                    if (!to.schema().equals(from.schema())) {
                        statement.execute("CREATE SCHEMA IF NOT EXISTS " + Jdbc.quoteIdentifier(to.schema()));
                        statement.execute("ALTER TABLE " + from.quoted() + " SET SCHEMA " + Jdbc.quoteIdentifier(to.schema()));
                    }
                    String suffix = to.name().startsWith(from.name()) ? to.name().substring(from.name().length()) : "";
                    if (!suffix.isEmpty()) {
                        String moved = Jdbc.quoteIdentifier(to.schema()) + "." + Jdbc.quoteIdentifier(from.name());
                        String movedOid = "'" + moved.replace("'", "''") + "'::regclass";
                        rename(connection, statement, "INDEX", "SELECT c.relname FROM pg_index i JOIN pg_class c"
                                + " ON c.oid = i.indexrelid WHERE i.indrelid = " + movedOid, to.schema(), suffix);
                        rename(connection, statement, "SEQUENCE", "SELECT c.relname FROM pg_depend d JOIN pg_class c"
                                + " ON c.oid = d.objid WHERE d.classid = 'pg_class'::regclass AND d.refobjid = " + movedOid
                                + " AND d.deptype IN ('a', 'i') AND c.relkind = 'S'", to.schema(), suffix);
                        statement.execute("ALTER TABLE " + moved + " RENAME TO " + Jdbc.quoteIdentifier(to.name()));
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IOException("cannot rename the restored tables in the scratch database: " + Messages.firstLine(e), e);
        }
    }

    /**
     * Makes a partition (or an inheritance child) a table of its own, so that the copy is not attached to
     * the live parent, where its rows would overlap the live partition's.
     */
    private static void detachFromParents(Connection connection, Statement statement, QualifiedTable table, String oid)
            throws SQLException {
        boolean partition = "t".equals(Jdbc.queryString(connection, "SELECT relispartition FROM pg_class WHERE oid = " + oid));
        for (String parent : Jdbc.queryStrings(connection, "SELECT inhparent::regclass::text FROM pg_inherits"
                + " WHERE inhrelid = " + oid)) {
            statement.execute(partition ? "ALTER TABLE " + parent + " DETACH PARTITION " + table.quoted()
                    : "ALTER TABLE " + table.quoted() + " NO INHERIT " + parent);
        }
    }

    private static void rename(Connection connection, Statement statement, String kind, String query, String schema,
            String suffix) throws SQLException {
        for (String name : Jdbc.queryStrings(connection, query)) {
            requireShortName(name + suffix);
            statement.execute("ALTER " + kind + " " + Jdbc.quoteIdentifier(schema) + "." + Jdbc.quoteIdentifier(name)
                    + " RENAME TO " + Jdbc.quoteIdentifier(name + suffix));
        }
    }

    private void dumpFromScratch(DatabaseSource scratch, List<TablePlacement> placements, Path tables,
            Map<String, String> environment) throws IOException {
        PgTools.Tool pgDump = PgTools.find("pg_dump", options.tools(), 0);
        List<String> arguments = new ArrayList<>(List.of(pgDump.path().toString(), "--format=custom", "--compress=0",
                "--file=" + tables));
        for (TablePlacement placement : placements) {
            arguments.add("--table=" + PostgresEngine.quotedPattern(placement.restored().schema()) + "."
                    + PostgresEngine.quotedPattern(placement.restored().name()));
        }
        arguments.addAll(PgConnection.of(scratch).arguments());
        ToolRunner.run(new ToolCommand("pg_dump", arguments, environment), null, null);
    }

    private List<RestoredTable> restoreIntoLive(Path tables, DatabaseSource target, TableRestore restore,
            List<TablePlacement> placements, Map<String, String> environment) throws IOException {
        boolean schemaCreated = restore.schema() != null && createSchema(target, restore.schema());
        PgTools.Tool pgRestore = PgTools.find("pg_restore", options.tools(), 0);
        List<String> arguments = new ArrayList<>(List.of(pgRestore.path().toString(), "--exit-on-error",
                "--single-transaction"));
        if (options.noOwner()) {
            arguments.add("--no-owner");
        }
        arguments.addAll(PgConnection.of(target).arguments());
        arguments.add(tables.toString());
        try {
            ToolRunner.run(new ToolCommand("pg_restore", arguments, environment), null, null);
        } catch (IOException | RuntimeException e) {
            if (schemaCreated) {
                undo(target, List.of(), restore.schema());
            }
            throw e;
        }
        try (Connection connection = PostgresEngine.openConnection(target)) {
            List<RestoredTable> restored = TablePlacement.checkCounts(connection, placements);
            connection.setAutoCommit(false);
            for (TablePlacement placement : placements) {
                if (placement.movesIntoLive()) {
                    replaceRows(connection, placement);
                }
            }
            connection.commit();
            return restored;
        } catch (SQLException | RuntimeException e) {
            String undone = undo(target, TablePlacement.created(placements), schemaCreated ? restore.schema() : null);
            if (e instanceof PlanBException planb) {
                throw new PlanBException(planb.code(), planb.getMessage() + undone, planb);
            }
            throw new IOException("Cannot finish the table-level restore into " + target.redactedUrl() + ": "
                    + Messages.firstLine(e) + undone, e);
        }
    }

    /**
     * Moves the restored rows into the live table (lock, delete, insert, in one transaction), sets the live
     * table's owned sequences to where the backup's were, and drops the restored table.
     */
    private static void replaceRows(Connection connection, TablePlacement placement) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + placement.live().quoted() + " IN ACCESS EXCLUSIVE MODE");
        }
        placement.moveRowsIntoLive(connection, "OVERRIDING SYSTEM VALUE");
        String restoredOid = "'" + placement.restored().quoted().replace("'", "''") + "'::regclass";
        String query = "SELECT a.attname, pg_get_serial_sequence(?, a.attname) FROM pg_attribute a"
                + " WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped AND pg_get_serial_sequence(?, a.attname) IS NOT NULL";
        try (PreparedStatement sequences = connection.prepareStatement(query.formatted(restoredOid))) {
            sequences.setString(1, placement.restored().quoted());
            sequences.setString(2, placement.restored().quoted());
            try (ResultSet rows = sequences.executeQuery()) {
                while (rows.next()) {
                    syncSequence(connection, rows.getString(2), placement.live().quoted(), rows.getString(1));
                }
            }
        }
        TablePlacement.drop(connection, List.of(placement.restored()));
        LOG.debug("Moved the restored rows of {} into the live table", placement.source().table());
    }

    /** Sets the live column's sequence to the restored sequence's position. */
    private static void syncSequence(Connection connection, String restoredSequence, String liveTable, String column)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                + " s.last_value, s.is_called) FROM " + restoredSequence + " s WHERE pg_get_serial_sequence(?, ?) IS NOT NULL")) {
            statement.setString(1, liveTable);
            statement.setString(2, column);
            statement.setString(3, liveTable);
            statement.setString(4, column);
            statement.execute();
        }
    }

    /** Creates the schema if it does not exist; whether this restore created it. */
    private static boolean createSchema(DatabaseSource target, String schema) {
        try (Connection connection = PostgresEngine.openConnection(target); Statement statement = connection.createStatement()) {
            boolean exists = !Jdbc.queryStrings(connection, "SELECT nspname FROM pg_namespace WHERE nspname = ?", schema).isEmpty();
            if (!exists) {
                statement.execute("CREATE SCHEMA " + Jdbc.quoteIdentifier(schema));
            }
            return !exists;
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Cannot create schema " + schema + " in "
                    + target.redactedUrl() + ": " + Messages.firstLine(e) + ": create it, or grant CREATE on the database", e);
        }
    }

    /** Drops what the restore created; says what was done, or what to do by hand. */
    private static String undo(DatabaseSource target, List<QualifiedTable> tables, String schema) {
        try (Connection connection = PostgresEngine.openConnection(target)) {
            TablePlacement.drop(connection, tables);
            if (schema != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP SCHEMA IF EXISTS " + Jdbc.quoteIdentifier(schema));
                }
            }
            return "; the tables it created were dropped again, the live tables are as they were";
        } catch (SQLException | RuntimeException e) {
            return "; the tables it created could not be dropped (" + Messages.firstLine(e) + "): drop "
                    + tables.stream().map(QualifiedTable::displayName).toList() + " before trying again";
        }
    }

    private static boolean exists(Connection connection, QualifiedTable table) throws SQLException {
        return !Jdbc.queryStrings(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?", table.schema(), table.name()).isEmpty();
    }

    private static void requireShortName(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "The restored name " + name + " is longer than"
                    + " PostgreSQL's " + MAX_NAME + " bytes: give a shorter suffix with --as, e.g. --as _before");
        }
    }
}
