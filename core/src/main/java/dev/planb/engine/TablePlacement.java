/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.TableCount;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.jdbc.Jdbc;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each table of a table-level restore goes, and the steps every built-in engine takes the same
 * way through JDBC: refusing names in the way, checking the restored row counts against the manifest,
 * moving restored rows into a live table for {@code --replace}, and dropping what a failed restore made.
 *
 * @param source the table in the backup, with the rows the manifest records
 * @param live the table of that name in the live database
 * @param restored the table the restore creates: beside {@code live}, in another schema, or {@code live}
 *     itself when replacing a table that is gone
 */
public record TablePlacement(TableCount source, QualifiedTable live, QualifiedTable restored) {

    /** The suffix of the table a replacing restore fills first, before its rows move into the live table. */
    public static final String REPLACING_SUFFIX = "_planb_replacing";

    /** How an engine names tables: from a manifest's name, and from a schema and a name. */
    public interface Naming {

        /**
         * Reads a table name as the manifest records it.
         *
         * @param manifestName the name in the manifest, e.g. {@code public.orders}
         * @return the live table that name stands for
         */
        QualifiedTable parse(String manifestName);

        /**
         * Names a table in a schema.
         *
         * @param schema the schema; {@code null} for the target's own
         * @param name the table's name
         * @return the table, named as manifests name tables
         */
        QualifiedTable table(String schema, String name);
    }

    /** Asks whether a table exists. */
    @FunctionalInterface
    public interface Existence {

        /**
         * Looks a table up in the target.
         *
         * @param table the table to look for
         * @return whether it exists
         * @throws SQLException when the target's catalog cannot be read
         */
        boolean exists(QualifiedTable table) throws SQLException;
    }

    /** {@return whether the restore creates the live table itself (replacing a table that is gone)} */
    public boolean inPlace() {
        return live.equals(restored);
    }

    /** {@return whether the restored rows move into the live table afterwards ({@code --replace} of a table that exists)} */
    public boolean movesIntoLive() {
        return restored.name().equalsIgnoreCase(live.name() + REPLACING_SUFFIX);
    }

    /**
     * Places every table of {@code restore}: beside the live one with the suffix, in the other schema, or,
     * for {@code --replace}, the live table itself when it is gone and a table to move rows from otherwise.
     *
     * @param restore the tables to restore and where they go
     * @param naming how the engine names tables
     * @param existence asks the target whether a live table exists (for {@code --replace})
     * @return one placement per table of {@code restore}, in its order
     * @throws SQLException when asking whether a table exists fails
     */
    public static List<TablePlacement> place(TableRestore restore, Naming naming, Existence existence)
            throws SQLException {
        List<TablePlacement> placements = new ArrayList<>();
        for (TableCount table : restore.tables()) {
            QualifiedTable live = naming.parse(table.table());
            QualifiedTable restored = switch (restore.placement()) {
                case BESIDE -> naming.table(live.schema(), live.name() + restore.suffix());
                case SCHEMA -> naming.table(restore.schema(), live.name());
                case REPLACE -> existence.exists(live) ? naming.table(live.schema(), live.name() + REPLACING_SUFFIX) : live;
            };
            placements.add(new TablePlacement(table, live, restored));
        }
        return placements;
    }

    /**
     * Refuses, before anything is read or written, when a name the restore would create is taken, or
     * when a live table to replace still holds rows and {@code force} is not set.
     *
     * @param placements the placements from {@link #place(TableRestore, Naming, Existence)}
     * @param restore the restore, for its {@code replace} and {@code force} settings
     * @param connection a connection to the target, to count the live tables' rows
     * @param existence asks the target whether a table exists
     * @throws PlanBException with {@link ErrorCode#RESTORE_REFUSED} naming the table in the way
     * @throws SQLException when the target cannot be queried
     */
    public static void refuseConflicts(List<TablePlacement> placements, TableRestore restore, Connection connection,
            Existence existence) throws SQLException {
        for (TablePlacement placement : placements) {
            if (placement.inPlace()) {
                continue;
            }
            if (existence.exists(placement.restored())) {
                throw new PlanBException(ErrorCode.RESTORE_REFUSED, "Table " + placement.restored().displayName()
                        + " already exists, and a table-level restore never overwrites a table: drop it (a leftover of an"
                        + " earlier restore?), or restore under another name (--as SUFFIX, --into-schema NAME)");
            }
            if (restore.replace() && !restore.force()) {
                long rows = count(connection, placement.live());
                if (rows > 0) {
                    throw new PlanBException(ErrorCode.RESTORE_REFUSED, "Live table " + placement.live().displayName()
                            + " still has " + rows + " row(s): --replace refuses to delete them; restore beside it"
                            + " (leave out --replace) to compare, or add --force to replace its rows with the backup's");
                }
            }
        }
    }

    /**
     * Counts each restored table and compares it with the manifest.
     *
     * @param connection a connection to the target
     * @param placements the tables the restore filled
     * @return each table with its final name (the live one when rows move into it) and its row count
     * @throws PlanBException with {@link ErrorCode#VERIFICATION_FAILED} naming every difference; the caller
     *     removes what it made first
     * @throws SQLException when a table cannot be counted
     */
    public static List<RestoredTable> checkCounts(Connection connection, List<TablePlacement> placements)
            throws SQLException {
        List<RestoredTable> restored = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (TablePlacement placement : placements) {
            long rows = count(connection, placement.restored());
            if (rows != placement.source().rows()) {
                mismatches.add(placement.restored().displayName() + " has " + rows + " rows, the manifest records "
                        + placement.source().rows() + " for " + placement.source().table());
            }
            QualifiedTable finalTable = placement.movesIntoLive() ? placement.live() : placement.restored();
            restored.add(new RestoredTable(placement.source().table(), finalTable.displayName(), rows));
        }
        if (!mismatches.isEmpty()) {
            throw new PlanBException(ErrorCode.VERIFICATION_FAILED, "Restored tables do not match the backup's manifest,"
                    + " so the restore was undone: " + String.join("; ", mismatches));
        }
        return restored;
    }

    /**
     * For {@code --replace} of a live table that still exists: deletes its rows and inserts the restored
     * ones, in the caller's transaction, then the caller drops the restored table. The live table keeps
     * its structure, grants, triggers and the foreign keys that point at it.
     *
     * @param connection a connection to the target, in the caller's transaction
     * @param overriding what goes between the column list and {@code SELECT}, e.g. PostgreSQL's
     *     {@code OVERRIDING SYSTEM VALUE}, or empty
     * @throws SQLException when the rows cannot be deleted or copied, e.g. a foreign key that still points at them
     */
    public void moveRowsIntoLive(Connection connection, String overriding) throws SQLException {
        List<String> columns = columns(connection, restored);
        String list = String.join(", ", columns);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + live.quoted());
            statement.executeUpdate("INSERT INTO " + live.quoted() + " (" + list + ") " + overriding
                    + (overriding.isEmpty() ? "" : " ") + "SELECT " + list + " FROM " + restored.quoted());
        }
    }

    /**
     * Drops the tables the restore created, when it failed or for the rows that moved into live tables.
     *
     * @param connection a connection to the target
     * @param tables the tables to drop; those already gone are skipped
     * @throws SQLException when a table cannot be dropped
     */
    public static void drop(Connection connection, List<QualifiedTable> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (QualifiedTable table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + table.quoted());
            }
        }
    }

    /**
     * Lists what a restore creates, so that a failed one can be undone.
     *
     * @param placements the placements of the restore
     * @return the tables a restore of {@code placements} creates
     */

    public static List<QualifiedTable> created(List<TablePlacement> placements) {
        return placements.stream().map(TablePlacement::restored).toList();
    }

    private static long count(Connection connection, QualifiedTable table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table.quoted())) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The quoted column names of {@code table}, in order. */
    private static List<String> columns(Connection connection, QualifiedTable table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table.quoted() + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(Jdbc.quoteIdentifier(meta.getColumnName(i)));
            }
        }
        return columns;
    }
}
