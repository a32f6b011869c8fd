/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.spi.Finding.Severity;
import dev.planb.spi.Finding;
import java.util.Comparator;
import java.util.List;

/**
 * What a {@link Preflight} found, blockers first, one {@link Finding} per line.
 *
 * @param findings every finding, sorted by severity (blockers, then warnings, then checks that passed)
 */
public record PreflightReport(List<Finding> findings) {

    /**
     * Sorts and copies.
     *
     * @param findings every finding, in any order
     */
    public PreflightReport {
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    }

    /** {@return whether something will make a backup fail or leave it unrestorable: fix the blockers first} */
    public boolean blocksBackup() {
        return !blockers().isEmpty();
    }

    /** {@return the findings that block a backup; empty when none} */
    public List<Finding> blockers() {
        return of(Severity.BLOCKER);
    }

    /** {@return the findings that are warnings: a backup runs, but something should be fixed} */
    public List<Finding> warnings() {
        return of(Severity.WARNING);
    }

    private List<Finding> of(Severity severity) {
        return findings.stream().filter(finding -> finding.severity() == severity).toList();
    }

    /** One line per finding, then a summary line. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        findings.forEach(finding -> text.append(finding).append('\n'));
        return text.append(summary()).toString();
    }

    /**
     * {@return one line counting blockers and warnings, with the verdict} E.g. {@code 1 blocker, 2 warnings: a backup
     * would fail or not restore faithfully until they are fixed} or {@code no blocker, 1 warning: nothing blocks a
     * backup}.
     */
    public String summary() {
        int blockers = blockers().size();
        int warnings = warnings().size();
        return (blockers == 0 ? "no blocker" : blockers + " blocker" + (blockers == 1 ? "" : "s")) + ", " + warnings
                + " warning" + (warnings == 1 ? "" : "s") + (blockers == 0 ? ": nothing blocks a backup"
                : ": a backup would fail or not restore faithfully until they are fixed");
    }
}
