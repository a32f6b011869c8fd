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

    /**
     * Checks the required settings and fills in the defaults.
     *
     * @param from the destination to read the backup from
     * @param plan the plan's name, or {@code null} when the destination holds a single plan
     * @param backup a backup id, or {@code latest}; {@code null} for {@code latest}
     * @param target the database to restore into, or {@code null} to restore files only
     * @param force whether to replace data already in the target database or folder
     * @param progress receives progress reports; {@code null} for none
     * @param decryption opens an encrypted backup; {@code null} when not needed
     * @param filesTo the folder to restore the backup's files into, or {@code null} to leave them
     * @param filesSource the one files source to restore, or {@code null} for all
     * @param filesGlob restores only the files matching this glob, or {@code null} for all
     * @param engine the engine with its restore options, or {@code null} for the one the target's URL chooses
     * @param tables the only tables to restore; {@code null} or empty for the whole database
     * @param tablesSuffix with {@code tables}: the suffix of the restored tables' names, or {@code null}
     * @param intoSchema with {@code tables}: the schema to restore them into under their own names, or {@code null}
     * @param replace with {@code tables}: put the backup's rows into the live tables of the same names
     * @throws PlanBException naming the setting when the source or every target is missing, or a files or table
     *     option is given without what it applies to
     */
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

    /**
     * A database restore, without files.
     *
     * @param from the destination to read the backup from
     * @param plan the plan's name, or {@code null} when the destination holds a single plan
     * @param backup a backup id, or {@code latest}; {@code null} for {@code latest}
     * @param target the database to restore into, or {@code null} to restore files only
     * @param force whether to replace data already in the target database or folder
     * @param progress receives progress reports; {@code null} for none
     * @param decryption opens an encrypted backup; {@code null} when not needed
     * @throws PlanBException naming the setting when the source or every target is missing, or a files or table
     *     option is given without what it applies to
     */
    public RestoreRequest(Destination from, String plan, String backup, DatabaseSource target, boolean force,
            ProgressListener progress, Decryption decryption) {
        this(from, plan, backup, target, force, progress, decryption, null, null, null, null);
    }

    /**
     * A restore of the whole database and/or files.
     *
     * @param from the destination to read the backup from
     * @param plan the plan's name, or {@code null} when the destination holds a single plan
     * @param backup a backup id, or {@code latest}; {@code null} for {@code latest}
     * @param target the database to restore into, or {@code null} to restore files only
     * @param force whether to replace data already in the target database or folder
     * @param progress receives progress reports; {@code null} for none
     * @param decryption opens an encrypted backup; {@code null} when not needed
     * @param filesTo the folder to restore the backup's files into, or {@code null} to leave them
     * @param filesSource the one files source to restore, or {@code null} for all
     * @param filesGlob restores only the files matching this glob, or {@code null} for all
     * @param engine the engine with its restore options, or {@code null} for the one the target's URL chooses
     * @throws PlanBException naming the setting when the source or every target is missing, or a files or table
     *     option is given without what it applies to
     */
    public RestoreRequest(Destination from, String plan, String backup, DatabaseSource target, boolean force,
            ProgressListener progress, Decryption decryption, Path filesTo, String filesSource, String filesGlob,
            DatabaseEngine engine) {
        this(from, plan, backup, target, force, progress, decryption, filesTo, filesSource, filesGlob, engine,
                List.of(), null, null, false);
    }

    /** {@return whether only some tables are restored} */
    public boolean restoresTables() {
        return !tables.isEmpty();
    }

    /** {@return the database to restore into, if any} */
    public Optional<DatabaseSource> database() {
        return Optional.ofNullable(target);
    }

    /** {@return the folder to restore files into, if any} */
    public Optional<Path> files() {
        return Optional.ofNullable(filesTo);
    }

    /** {@return the plan, if one was named} */
    public Optional<String> planName() {
        return Optional.ofNullable(plan);
    }

    /** {@return a builder for a request of the newest backup, without force, progress or decryption} */
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

        /**
         * The destination to read from (required).
         *
         * @param from any destination holding the backup
         * @return this builder
         */
        public Builder from(Destination from) {
            this.from = from;
            return this;
        }

        /**
         * The plan (optional when the destination holds only one).
         *
         * @param plan the plan's name
         * @return this builder
         */
        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        /**
         * The backup to restore.
         *
         * @param backup a backup id, or {@code latest} (the default)
         * @return this builder
         */
        public Builder backup(String backup) {
            this.backup = backup;
            return this;
        }

        /**
         * The database to restore into (required unless files are restored).
         *
         * @param target the database; its JDBC URL chooses the engine unless {@link #engine} is set
         * @return this builder
         */
        public Builder target(DatabaseSource target) {
            this.target = target;
            return this;
        }

        /**
         * Replace the content of a database that already holds data, write into a folder that is not empty
         * (default: refuse).
         *
         * @param force true to overwrite
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * Receives progress reports (default: none).
         *
         * @param progress the listener, called on PlanB's thread
         * @return this builder
         */
        public Builder progress(ProgressListener progress) {
            this.progress = progress;
            return this;
        }

        /**
         * The secret key or passphrase that opens an encrypted backup (not needed otherwise).
         *
         * @param decryption the key or passphrase
         * @return this builder
         */
        public Builder decryption(Decryption decryption) {
            this.decryption = decryption;
            return this;
        }

        /**
         * The folder to restore the backup's files into (default: files are not restored). Each source goes into a
         * subfolder named after it, unless {@link #filesSource} picks one.
         *
         * @param filesTo the folder; created when missing
         * @return this builder
         */
        public Builder filesTo(Path filesTo) {
            this.filesTo = filesTo;
            return this;
        }

        /**
         * Restores only one files source, straight into {@link #filesTo(Path)} (default: every source).
         *
         * @param filesSource the source's name, as in the manifest
         * @return this builder
         */
        public Builder filesSource(String filesSource) {
            this.filesSource = filesSource;
            return this;
        }

        /**
         * Restores only the files matching a glob (default: every file).
         *
         * @param filesGlob a glob relative to the source's directory (see {@link dev.planb.files.DirectorySource})
         * @return this builder
         */
        public Builder filesGlob(String filesGlob) {
            this.filesGlob = filesGlob;
            return this;
        }

        /**
         * The engine with its restore options, e.g. {@code new PostgresEngine(PostgresOptions.builder().jobs(4).build())}
         * (default: the one the target's URL chooses, with default options).
         *
         * @param engine the engine to restore with
         * @return this builder
         */
        public Builder engine(DatabaseEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Restores only these tables (structure, rows, sequences or identity) beside the live ones, as
         * {@code <table>_restored_<backup id>}, e.g. {@code .tables(List.of("orders", "sales.order_lines"))}
         * (default: the whole database). Adds to the tables of earlier calls.
         *
         * @param tables table names, schema-qualified where the database has schemas
         * @return this builder
         */
        public Builder tables(List<String> tables) {
            this.tables.addAll(tables);
            return this;
        }

        /**
         * With {@link #tables}: names the restored tables {@code <table><suffix>}.
         *
         * @param suffix e.g. {@code _before}
         * @return this builder
         */
        public Builder tablesSuffix(String suffix) {
            this.tablesSuffix = suffix;
            return this;
        }

        /**
         * With {@link #tables}: restores them into another schema under their own names.
         *
         * @param schema the schema (MariaDB/MySQL: database)
         * @return this builder
         */
        public Builder intoSchema(String schema) {
            this.intoSchema = schema;
            return this;
        }

        /**
         * With {@link #tables}: puts the backup's rows into the live tables of the same names (or recreates
         * a table that is gone); refuses a live table that has rows unless {@link #force(boolean)} is set.
         *
         * @param replace true to replace the live tables
         * @return this builder
         */
        public Builder replace(boolean replace) {
            this.replace = replace;
            return this;
        }

        /**
         * Makes the request.
         *
         * @return the request
         * @throws PlanBException naming the setting when the source or every target is missing, or a files or table
         *     option is given without what it applies to
         */
        public RestoreRequest build() {
            return new RestoreRequest(from, plan, backup, target, force, progress, decryption, filesTo, filesSource,
                    filesGlob, engine, tables, tablesSuffix, intoSchema, replace);
        }
    }
}
