/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.PreflightReport;
import dev.planb.spi.Finding.Severity;
import dev.planb.spi.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Picks findings out of a preflight report, for the engines' preflight tests. */
final class PreflightFindings {

    private PreflightFindings() {
    }

    /** The one finding of {@code severity} and {@code check} whose message contains {@code text}. */
    static Finding the(PreflightReport report, Severity severity, String check, String text) {
        List<Finding> matching = report.findings().stream().filter(finding -> finding.severity() == severity
                && finding.check().equals(check) && finding.message().contains(text)).toList();
        assertThat(matching).as("%s %s finding with '%s' in:%n%s", severity, check, text, report).hasSize(1);
        return matching.get(0);
    }

    /** Asserts no finding of {@code check} has {@code severity}. */
    static void noneOf(PreflightReport report, Severity severity, String check) {
        assertThat(report.findings()).as("%s", report)
                .noneMatch(finding -> finding.severity() == severity && finding.check().equals(check));
    }

    /** A folder holding an executable {@code name} that prints {@code versionLine} for {@code --version}. */
    static Path toolPrinting(Path folder, String name, String versionLine) throws Exception {
        Files.createDirectories(folder);
        Path tool = folder.resolve(name);
        Files.writeString(tool, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }
}
