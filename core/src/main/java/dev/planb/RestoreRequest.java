/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.crypto.Decryption;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to restore, from where: the database into a database, the files into a folder, or both.
 *
 * <pre>{@code
 * RestoreResult result = PlanB.restore(RestoreRequest.builder()
 *         .from(new LocalDirectoryDestination(Path.of("/var/backups/app")))
 *         .plan("app")
 *         .backup("latest")
 *         .target(DatabaseSource.of("jdbc:sqlite:/tmp/restored.db"))
 *         .filesTo(Path.of("/tmp/restored-files"))      // optional: the files sources too
 *         .build());
 * }</pre>
 *
 * @param from the destination to read the backup from; any one holding it will do
 * @param plan the plan's name, or {@code null} when the destination holds a single plan
 * @param backup a backup id, or {@code latest}
 * @param target the database to restore into, or {@code null} to restore files only
 * @param force whether to replace the content of a database that already holds data, and to
 *     write files into a folder that is not empty
 * @param progress receives progress reports
 * @param decryption the key or passphrase that opens an encrypted backup; {@link Decryption#none()} if not needed
 * @param filesTo the folder to restore the backup's files into, or {@code null} to leave them:
 *     with {@code filesSource} that source's tree goes straight into it, otherwise each source
 *     goes into a subfolder named after the source
 * @param filesSource the one files source to restore, or {@code null} for all
 * @param filesGlob restores only the files matching this glob (see
 *     {@link dev.planb.files.DirectorySource}), or {@code null} for all
 * @param engine the engine with its restore options, or {@code null} for the one the target's URL chooses
 * @param tables restores only these tables of the backup (named as {@code planb list --table} and the manifest
 *     name them), beside the live ones; empty for the whole database
 * @param tablesSuffix with {@code tables}: the suffix of the restored tables' names ({@code --as}), or {@code null}
 *     for {@code _restored_<backup id>}
 * @param intoSchema with {@code tables}: the schema (MariaDB/MySQL: database) to restore them into under their own
 *     names, or {@code null}
 * @param replace with {@code tables}: put the backup's rows into the live tables of the same names, which must
 *     have no rows unless {@code force}
 */
public record RestoreRequest(Destination from, String plan, String backup, DatabaseSource target, boolean force,
        ProgressListener progress, Decryption decryption, Path filesTo, String filesSource, String filesGlob,
        DatabaseEngine engine, List<String> tables, String tablesSuffix, String intoSchema, boolean replace) {

    /** The word that selects the newest backup. */
    public static final String LATEST = "latest";

    /** Checks the required settings. */
    public RestoreRequest {
        if (from == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "restore source is not set: give the destination to restore from");
        }
        if (target == null && filesTo == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "restore target is not set: give the JDBC URL of the"
                    + " database to restore into, or a folder for the files (filesTo)");
        }
        if (filesTo == null && (filesSource != null || filesGlob != null)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "a files source or glob is set but no folder to"
                    + " restore the files into: set filesTo (--files-to DIR)");
        }
        tables = tables == null ? List.of() : List.copyOf(tables);
        if (tables.isEmpty() && (tablesSuffix != null || intoSchema != null || replace)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--as, --into-schema and --replace place single"
                    + " tables: name them with --table");
        }
        if (!tables.isEmpty() && (target == null || filesTo != null)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--table restores tables into a database: give"
                    + " --to-db JDBC_URL, and restore files in a separate run");
        }
        backup = backup == null ? LATEST : backup;
        progress = Objects.requireNonNullElse(progress, ProgressListener.NONE);
        decryption = Objects.requireNonNullElse(decryption, Decryption.none());
    }

    /** A database restore, without files. */
    public RestoreRequest(Destination from, String plan, String backup, DatabaseSource target, boolean force,
            ProgressListener progress, Decryption decryption) {
        this(from, plan, backup, target, force, progress, decryption, null, null, null, null);
    }

    /** A restore of the whole database and/or files. */
    public RestoreRequest(Destination from, String plan, String backup, DatabaseSource target, boolean force,
            ProgressListener progress, Decryption decryption, Path filesTo, String filesSource, String filesGlob,
            DatabaseEngine engine) {
        this(from, plan, backup, target, force, progress, decryption, filesTo, filesSource, filesGlob, engine,
                List.of(), null, null, false);
    }

    /** Whether only some tables are restored. */
    public boolean restoresTables() {
        return !tables.isEmpty();
    }

    /** The database to restore into, if any. */
    public Optional<DatabaseSource> database() {
        return Optional.ofNullable(target);
    }

    /** The folder to restore files into, if any. */
    public Optional<Path> files() {
        return Optional.ofNullable(filesTo);
    }

    /** The plan, if one was named. */
    public Optional<String> planName() {
        return Optional.ofNullable(plan);
    }

    /** Starts a request. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RestoreRequest}. */
    public static final class Builder {
        private Destination from;
        private String plan;
        private String backup = LATEST;
        private DatabaseSource target;
        private boolean force;
        private ProgressListener progress = ProgressListener.NONE;
        private Decryption decryption = Decryption.none();
        private Path filesTo;
        private String filesSource;
        private String filesGlob;
        private DatabaseEngine engine;
        private final List<String> tables = new ArrayList<>();
        private String tablesSuffix;
        private String intoSchema;
        private boolean replace;

        private Builder() {
        }

        /** The destination to read from (required). */
        public Builder from(Destination from) {
            this.from = from;
            return this;
        }

        /** The plan (optional when the destination holds only one). */
        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        /** A backup id, or {@code latest} (the default). */
        public Builder backup(String backup) {
            this.backup = backup;
            return this;
        }

        /** The database to restore into (required unless files are restored). */
        public Builder target(DatabaseSource target) {
            this.target = target;
            return this;
        }

        /** Replace the content of a database that already holds data (default: refuse). */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** Receives progress reports. */
        public Builder progress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        /** The secret key or passphrase that opens an encrypted backup (not needed otherwise). */
        public Builder decryption(Decryption decryption) {
            this.decryption = decryption;
            return this;
        }

        /** The folder to restore the backup's files into (default: files are not restored). */
        public Builder filesTo(Path filesTo) {
            this.filesTo = filesTo;
            return this;
        }

        /** Restores only this files source, straight into {@link #filesTo(Path)} (default: every source). */
        public Builder filesSource(String filesSource) {
            this.filesSource = filesSource;
            return this;
        }

        /** Restores only the files matching this glob (default: every file). */
        public Builder filesGlob(String filesGlob) {
            this.filesGlob = filesGlob;
            return this;
        }

        /**
         * The engine with its restore options, e.g. {@code new PostgresEngine(PostgresOptions.builder().jobs(4).build())}
         * (default: the one the target's URL chooses, with default options).
         */
        public Builder engine(DatabaseEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Restores only these tables (structure, rows, sequences or identity) beside the live ones, as
         * {@code <table>_restored_<backup id>}, e.g. {@code .tables(List.of("orders", "sales.order_lines"))}
         * (default: the whole database).
         */
        public Builder tables(List<String> tables) {
            this.tables.addAll(tables);
            return this;
        }

        /** With {@link #tables}: names the restored tables {@code <table><suffix>}, e.g. {@code _before}. */
        public Builder tablesSuffix(String suffix) {
            this.tablesSuffix = suffix;
            return this;
        }

        /** With {@link #tables}: restores them into this schema (MariaDB/MySQL: database) under their own names. */
        public Builder intoSchema(String schema) {
            this.intoSchema = schema;
            return this;
        }

        /**
         * With {@link #tables}: puts the backup's rows into the live tables of the same names (or recreates
         * a table that is gone); refuses a live table that has rows unless {@link #force(boolean)} is set.
         */
        public Builder replace(boolean replace) {
            this.replace = replace;
            return this;
        }

        /** Makes the request. */
        public RestoreRequest build() {
            return new RestoreRequest(from, plan, backup, target, force, progress, decryption, filesTo, filesSource,
                    filesGlob, engine, tables, tablesSuffix, intoSchema, replace);
        }
    }
}
