/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.testing.server.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the "By hand" commands of a PostgreSQL backup's RESTORE.md with the stock tools, placeholders filled in. */
final class PostgresRestoreGuide {

    private PostgresRestoreGuide() {
    }

    /**
     * Restores the newest backup of {@code plan} in {@code backups} into the new database {@code database} as
     * {@code user}, following its RESTORE.md; fails the test with the commands and their output unless it succeeds.
     *
     * @param environment more variables for the commands, e.g. {@code GNUPGHOME}
     */
    static void run(PostgresServer server, Path backups, String plan, String database, String user, String password,
            Map<String, String> environment) throws Exception {
        Path folder;
        try (Stream<Path> ids = Files.list(backups.resolve(plan))) {
            folder = ids.filter(Files::isDirectory).max(Path::compareTo).orElseThrow();
        }
        String commands = String.join("\n", ManualRestoreTest.shellCommands(Files.readString(folder.resolve("RESTORE.md"))))
                .replace("-h HOST", "-h 127.0.0.1 -p " + server.port()).replace("-U USER", "-U " + user)
                .replace("NEWDB", database);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -e\ncd '" + folder + "'\n" + commands)
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PATH", server.tool("pg_restore").getParent() + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(commands + "\n" + output).isZero();
    }
}
