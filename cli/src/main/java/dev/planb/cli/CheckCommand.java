/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.spi.Destination;
import dev.planb.spi.ProtectionReport;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb check}: can these credentials write, and can they (wrongly) delete backups? */
@Command(name = "check", description = {"Check whether these credentials could delete your backups.",
    "Writes a canary object to the destination and tries to delete it; reports the storage's versioning and"
        + " Object Lock settings too. Exits 6 when a destination configured as protected (Object Lock, writeOnly)"
        + " turns out to be deletable."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "URI", description = "Destination folder, file:/// or s3:// URI.")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Destination destination = DestinationUris.forWriting(to);
        ProtectionReport report = PlanB.check(destination);
        out.println(report.destination() + ": " + report.summary());
        report.details().forEach(detail -> out.println("  " + detail));
        out.flush();
        Optional<String> required = destination.requiredProtection();
        if (!report.isProtected() && required.isPresent()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("planb: " + report.destination() + " is configured for " + required.get()
                    + " but these credentials can delete backups there: enable Object Lock on the bucket or deny"
                    + " deletes to these credentials (or accept unprotected copies with lockRequired=false)");
            err.flush();
            return ErrorCode.DESTINATION_FAILED.exitCode();
        }
        return 0;
    }
}
