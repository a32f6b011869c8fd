/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stock {@code gpg} binary with a throwaway home folder, so tests never touch a real
 * keyring. {@link #close()} stops the gpg-agent that importing a secret key starts.
 */
final class Gpg implements AutoCloseable {

    private final Path home;

    private Gpg(Path home) {
        this.home = home;
    }

    /** A gpg with an empty keyring in {@code home}; fails naming the Debian package when gpg is missing. */
    static Gpg withHome(Path home) throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v gpg && command -v gpgconf").start();
        assertThat(which.waitFor()).as("gpg is needed for this test: apt-get install -y gnupg (scripts/test.sh installs it)")
                .isZero();
        Files.createDirectories(home);
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return new Gpg(home);
    }

    /** The home folder, for {@code GNUPGHOME}. */
    Path home() {
        return home;
    }

    /** Runs {@code gpg --batch ARGS} in {@code workDir}; fails with gpg's output unless it succeeds. */
    String run(Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString(), "--batch", "--yes"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("gpgconf", "--homedir", home.toString(), "--kill", "all").start().waitFor(30, TimeUnit.SECONDS);
    }
}
