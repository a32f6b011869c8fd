/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.PlanB;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void versionNamesTheReleaseAndTheCommitItWasBuiltFrom() throws IOException, InterruptedException {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("planb " + PlanB.version() + " (commit " + headCommit() + ")");
        assertThat(PlanB.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    /** The commit checked out here, which is the one this build was made from. */
    private static String headCommit() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(git.waitFor()).as(out).isZero();
        return out;
    }
}
