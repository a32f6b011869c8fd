/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options for the database tools PlanB runs, shared by backup and restore. */
final class ToolOptions {

    @Option(names = "--tools", paramLabel = "DIR",
            description = "Folder holding the database's tools (pg_dump and pg_restore, or mariadb-dump and mariadb);"
                    + " default: searched on PATH and in /usr/lib/postgresql/*/bin.")
    Path tools;

    @Option(names = "--jobs", paramLabel = "N",
            description = "PostgreSQL: parallel jobs for a directory-format dump and for pg_restore (default 1).")
    Integer jobs;
}
