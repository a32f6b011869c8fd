/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.jdbc.Jdbc;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Dumps one kind of database to a stream and restores it: the service provider interface for
 * database support. Implementations are found with {@link java.util.ServiceLoader} (list them in
 * {@code META-INF/services/dev.planb.spi.DatabaseEngine}) and chosen by JDBC URL; see
 * {@code DatabaseEngines}.
 *
 * <p>Every engine passes {@code AbstractDatabaseEngineContractTest} from
 * {@code planb-test-support}, and {@code AbstractRestoreDrillContractTest} when it makes
 * {@linkplain #scratchDatabases() scratch databases} for restore drills. Engines never put a password in a process argument, a log line or
 * an exception message.
 */
public interface DatabaseEngine {

    /** {@return a short lower-case name recorded in manifests, e.g. {@code sqlite}} */
    String name();

    /** {@return the JDBC URL prefixes this engine handles, e.g. {@code jdbc:sqlite:}} */
    List<String> urlPrefixes();

    /**
     * Tells whether a JDBC URL is for this engine.
     *
     * @param jdbcUrl the database's JDBC URL
     * @return whether it starts with one of the {@link #urlPrefixes()}
     */
    default boolean handles(String jdbcUrl) {
        return urlPrefixes().stream().anyMatch(jdbcUrl::startsWith);
    }

    /**
     * {@return the dump's file name before compression, e.g. {@code database.sqlite}}; it becomes the
     * artifact's name on storage with the compression's extension added.
     */
    String dumpFileName();

    /**
     * Proposes a plan name for when the user gives none.
     *
     * @param source the database to back up
     * @return a valid plan name, usually the database's name
     */
    String defaultPlanName(DatabaseSource source);

    /**
     * Checks, before anything is written anywhere, that the database can be reached and the
     * tools the engine needs are present.
     *
     * @param source the database to back up
     * @throws dev.planb.PlanBException saying what is missing and what to do
     */
    void checkReadable(DatabaseSource source);

    /**
     * Checks, before the first backup, what would make a backup fail or leave something out: the
     * tools and their versions, the privileges to read every object, objects the options leave out,
     * the character set. One finding per problem, each naming the setting or the GRANT that fixes it;
     * never throws for a problem it can name. The default checks what {@link #checkReadable} checks.
     *
     * @param source the database to back up
     * @return the findings, an {@linkplain Finding#ok ok} one when nothing is wrong
     */
    default List<Finding> preflight(DatabaseSource source) {
        try {
            checkReadable(source);
            return List.of(Finding.ok("database", name() + " database " + source.redactedUrl() + " can be read"));
        } catch (PlanBException e) {
            return List.of(Finding.blocker("database", e.getMessage()));
        }
    }

    /**
     * Estimates the dump's size, for progress reports. The default does not know.
     *
     * @param source the database to back up
     * @return the expected size of the dump in bytes, or {@code -1} if unknown
     */
    default long estimateDumpSize(DatabaseSource source) {
        return -1;
    }

    /**
     * Writes a consistent dump of the database to {@code out}, streaming: memory use must not
     * grow with the database's size. Does not close {@code out}.
     *
     * @param source the database to dump
     * @param out where the dump goes, left open
     * @return the versions and the tables with row counts of the dumped snapshot
     * @throws IOException if the dump tool fails or {@code out} cannot be written
     */
    DumpResult dump(DatabaseSource source, OutputStream out) throws IOException;

    /**
     * Checks, before any data is read from storage, that {@code target} may be restored into:
     * it must be empty unless {@code force} is set. Must not create the target.
     *
     * @param target the database to restore into
     * @param force whether a target that holds data may be overwritten
     *
     * @throws dev.planb.PlanBException with {@link dev.planb.ErrorCode#RESTORE_REFUSED} when the
     *     target holds data and {@code force} is false
     */
    void checkRestoreTarget(DatabaseSource target, boolean force);

    /**
     * Restores a dump made by {@link #dump} into {@code target}, replacing its content.
     * {@code dump} throws an {@link IOException} at its end when the stored bytes do not match
     * their checksum: an engine reads it to the end before it makes the restore permanent, so a
     * corrupt backup never replaces good data.
     *
     * @param dump the decompressed, decrypted dump, checked against its checksum at its end
     * @param target the database to restore into
     * @throws IOException if the dump cannot be read, is corrupt, or the restore tool fails
     */
    void restore(InputStream dump, DatabaseSource target) throws IOException;

    /**
     * Checks, before any data is read from storage, that the tables of {@code restore} can be put
     * where it asks: the names they would get are free, or, to replace live tables, those hold no rows
     * unless {@code force}. The default refuses: the engine cannot restore single tables.
     *
     * @param target the live database the tables go into
     * @param restore the tables, and where and how they are restored
     *
     * @throws dev.planb.PlanBException with {@link dev.planb.ErrorCode#RESTORE_REFUSED} naming the table in the way
     */
    default void checkTableRestoreTarget(DatabaseSource target, TableRestore restore) {
        throw new PlanBException(ErrorCode.INVALID_SETTING, "The " + name() + " engine cannot restore single"
                + " tables: restore the whole backup into a new database (leave out --table)");
    }

    /**
     * Restores only the tables of {@code restore} (structure, rows, and their sequences or identity where
     * the database has them) from a full dump made by {@link #dump}, into the live database
     * {@code target}, where {@code restore} asks. Each restored table's row count is checked against the
     * manifest's before the restore counts as done; when anything fails, what it created is removed again,
     * so the same restore can run again. Nothing else in {@code target} changes.
     *
     * @param dump the decompressed, decrypted full dump
     * @param target the live database the tables go into
     * @param restore the tables, and where and how they are restored
     * @return the restored tables, with the names they got and their rows
     * @throws IOException if the dump cannot be read or the restore tool fails
     * @throws dev.planb.PlanBException with {@link dev.planb.ErrorCode#VERIFICATION_FAILED} when a count differs
     */
    default List<RestoredTable> restoreTables(InputStream dump, DatabaseSource target, TableRestore restore)
            throws IOException {
        checkTableRestoreTarget(target, restore);
        throw new IllegalStateException(name() + " accepted a table-level restore it does not implement");
    }

    /**
     * Counts the rows of every table, for verification after a restore.
     *
     * @param source the database to count
     * @return the tables and their row counts as they are now
     */
    List<TableCount> tableCounts(DatabaseSource source);

    /**
     * The names of the tables in the database now, as {@link #tableCounts} names them, without
     * counting rows; for the coverage review of restore drills.
     *
     * @param source the database to look at
     * @return the table names
     */
    default List<String> tableNames(DatabaseSource source) {
        return tableCounts(source).stream().map(TableCount::table).toList();
    }

    /**
     * {@return the scratch databases restore drills use on this kind of database, or empty when the engine
     * cannot make them} A drill then needs an explicit target.
     */
    default Optional<ScratchDatabases> scratchDatabases() {
        return Optional.empty();
    }

    /**
     * The user databases on the server that {@code server} reaches (not system or scratch
     * databases), for the coverage review; empty for file databases.
     *
     * @param server a source that reaches the server
     * @return the database names
     */
    default List<String> databases(DatabaseSource server) {
        return List.of();
    }

    /**
     * Names the database on its server.
     *
     * @param source the database
     * @return the name of the database {@code source} names on its server, or empty for file databases
     */
    default Optional<String> databaseName(DatabaseSource source) {
        return Optional.empty();
    }

    /**
     * A JDBC connection to the database, for the user's SQL checks and content fingerprints of
     * restore drills.
     *
     * @param source the database to connect to
     * @return an open connection, which the caller closes
     * @throws dev.planb.PlanBException when it cannot be opened, saying why
     */
    default Connection connect(DatabaseSource source) {
        return Jdbc.connect(source, source.jdbcUrl(), new Properties(), "the JDBC driver of " + name());
    }

    /**
     * Markdown for {@code RESTORE.md}: how to restore {@code dumpFile} (the decompressed dump)
     * by hand with the database's stock tools.
     *
     * @param dumpFile the decompressed dump's file name
     * @return the Markdown steps
     */
    String manualRestoreSteps(String dumpFile);

    /**
     * Markdown for {@code RESTORE.md}: how to restore one table, {@code table}, of {@code dumpFile} (the
     * decompressed dump) by hand beside the live one, with the database's stock tools; empty when the
     * engine has no such recipe.
     *
     * @param dumpFile the decompressed dump's file name
     * @param table the table to restore
     * @return the Markdown steps, or {@code ""}
     */
    default String manualTableRestoreSteps(String dumpFile, String table) {
        return "";
    }
}
