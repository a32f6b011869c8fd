/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a table-level restore puts back, and where: some tables of a full backup, with the row
 * counts its manifest records, restored beside the live ones under new names (the default,
 * {@code orders_restored_<backup id>}), with a suffix of the user's ({@code --as _before}), into
 * another schema (or, on MariaDB/MySQL, another database), or in place of the live tables.
 *
 * @param backupId the backup the tables come from
 * @param tables the tables to restore, named as the manifest names them, with the rows it records
 * @param suffix the suffix added to each restored table's name; {@code null} with {@code schema} or {@code replace}
 * @param schema the schema (MariaDB/MySQL: database) to restore the tables into under their own names, or {@code null}
 * @param replace whether the backup's rows replace those of the live tables of the same names
 * @param force with {@code replace}: replace the rows of live tables that still have rows
 */
public record TableRestore(String backupId, List<TableCount> tables, String suffix, String schema, boolean replace,
        boolean force) {

    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_]+");

    /** Where the restored tables go. */
    public enum Placement {
        /** Beside the live tables, under their names with a suffix added. */
        BESIDE,
        /** Into another schema (MariaDB/MySQL: database), under their own names. */
        SCHEMA,
        /** The backup's rows in place of the live tables' rows (or the tables themselves when they are gone). */
        REPLACE
    }

    /**
     * Checks the settings and fills in the default suffix.
     *
     * @param backupId the backup the tables come from
     * @param tables the tables to restore, at least one
     * @param suffix the suffix for the restored tables' names (letters, digits, underscores), or {@code null}
     * @param schema the schema to restore into, or {@code null}
     * @param replace whether the live tables' rows are replaced
     * @param force with {@code replace}: whether live tables that still have rows are replaced too
     * @throws PlanBException when no table is given, more than one of {@code suffix}, {@code schema} and
     *     {@code replace} is, {@code force} comes without {@code replace}, or the suffix or schema is unusable
     */
    public TableRestore {
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "no table to restore: give at least one --table");
        }
        if ((suffix != null ? 1 : 0) + (schema != null ? 1 : 0) + (replace ? 1 : 0) > 1) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--as, --into-schema and --replace exclude each other:"
                    + " give one of them (default: beside the live tables as <table>" + defaultSuffix(backupId) + ")");
        }
        if (force && !replace) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--force with --table only makes sense with --replace:"
                    + " a table-level restore never overwrites a live table otherwise");
        }
        if (suffix == null && schema == null && !replace) {
            suffix = defaultSuffix(backupId);
        }
        if (suffix != null && !SUFFIX.matcher(suffix).matches()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--as '" + suffix + "' is not a usable table-name"
                    + " suffix: use letters, digits and underscores only, e.g. --as _before");
        }
        if (schema != null && schema.isBlank()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--into-schema is empty: give the schema's name");
        }
    }

    /**
     * Makes the suffix used when none is given.
     *
     * @param backupId the backup the tables come from
     * @return {@code _restored_} and the backup id in lower case, every other character than a letter or digit
     *     as {@code _}
     */
    public static String defaultSuffix(String backupId) {
        return "_restored_" + backupId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** {@return where the restored tables go} */
    public Placement placement() {
        return replace ? Placement.REPLACE : schema != null ? Placement.SCHEMA : Placement.BESIDE;
    }

    /** {@return the names of the tables to restore, as the manifest names them} */
    public List<String> tableNames() {
        return tables.stream().map(TableCount::table).toList();
    }
}
