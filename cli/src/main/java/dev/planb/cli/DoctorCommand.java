/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.Preflight;
import dev.planb.PreflightReport;
import dev.planb.spi.DatabaseEngine;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb doctor}: before the first backup, what will fail and how to fix it. */
@Command(name = "doctor", description = {"Tell, before the first backup, what will fail and how to fix it.",
    "Checks the dump tool and its version, the privileges to read every table, routine, trigger and event,"
        + " objects the options leave out, DEFINERs a restore user needs SUPER for, the charset, the streaming"
        + " prerequisites with --stream, and whether each --to destination is writable and whether these"
        + " credentials could delete backups (a canary object, as planb check).",
    "One line per finding: BLOCKER, WARNING or OK, each naming the setting or the GRANT to run.",
    "Exit status 0 when nothing blocks a backup, 16 when something does."})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
            description = "Database to back up, e.g. jdbc:postgresql://host/app")
    String jdbcUrl;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--to", arity = "1..*", paramLabel = "URI",
            description = "Destination to check too: folder, file:///, s3://bucket/prefix or sftp:// URI; repeatable.")
    List<String> destinations = new ArrayList<>();

    @Option(names = "--stream", description = "Check the prerequisites of point-in-time log streaming (planb stream) too.")
    boolean stream;

    @Mixin
    DumpOptions dump;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Preflight preflight = Preflight.of(database.source(jdbcUrl))
                .destinations(destinations.stream().map(DestinationUris::forWriting).toList())
                .streaming(stream);
        DatabaseEngine engine = dump.engine(jdbcUrl);
        PreflightReport report = (engine == null ? preflight : preflight.engine(engine)).run();
        report.findings().forEach(out::println);
        out.println(report.summary());
        out.flush();
        return report.blocksBackup() ? ErrorCode.PREFLIGHT_BLOCKED.exitCode() : 0;
    }
}
