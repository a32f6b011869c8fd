package dev.planb.cli;

import dev.planb.PlanB;
import dev.planb.spi.ProtectionReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb check}: can these credentials write, and can they (wrongly) delete backups? */
@Command(name = "check", description = {"Check whether these credentials could delete your backups.",
    "Writes a canary object to the destination and tries to delete it; reports the storage's versioning and"
        + " Object Lock settings too."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--to", required = true, paramLabel = "URI", description = "Destination folder, file:/// or s3:// URI.")
    String to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProtectionReport report = PlanB.check(DestinationUris.forWriting(to));
        out.println(report.destination() + ": " + report.summary());
        report.details().forEach(detail -> out.println("  " + detail));
        out.flush();
        return 0;
    }
}
