/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the MariaDB tools, preferring MariaDB's names ({@code mariadb-dump}, {@code mariadb}) to
 * MySQL's ({@code mysqldump}, {@code mysql}): in the configured folder only when one is set, else
 * on {@code PATH}.
 */
final class MariaDbTools {

    private static final Pattern NUMBER = Pattern.compile("(?:Distrib|Ver) (\\d[^,\\s]*)(?!.*Distrib)");

    private MariaDbTools() {
    }

    /**
     * A tool found.
     *
     * @param name the name it was found under
     * @param path the executable
     * @param version the first line of its {@code --version}
     */
    record Tool(String name, Path path, String version) {

        /** Whether it is MariaDB's (which reads the sandbox-mode line newer dumps start with). */
        boolean isMariaDb() {
            return version.contains("MariaDB");
        }

        /** The version number, e.g. {@code 10.11.18-MariaDB} (from "Distrib …" or "Ver …"). */
        String versionNumber() {
            Matcher matcher = NUMBER.matcher(version);
            return matcher.find() ? matcher.group(1) : version;
        }
    }

    /** The dump tool: {@code mariadb-dump} or {@code mysqldump}. */
    static Tool dump(Optional<Path> folder) {
        return find(folder, "mariadb-dump", "mysqldump");
    }

    /** The client that restores: {@code mariadb} or {@code mysql}. */
    static Tool client(Optional<Path> folder) {
        return find(folder, "mariadb", "mysql");
    }

    /** The binlog reader that receives and replays binary logs: {@code mariadb-binlog} or {@code mysqlbinlog}. */
    static Tool binlog(Optional<Path> folder) {
        return find(folder, "mariadb-binlog", "mysqlbinlog");
    }

    private static Tool find(Optional<Path> folder, String... names) {
        for (String name : names) {
            for (Path directory : directories(folder)) {
                Path path = directory.resolve(name);
                if (Files.isExecutable(path)) {
                    return new Tool(name, path, version(name, path));
                }
            }
        }
        throw new PlanBException(ErrorCode.NO_ENGINE, names[0] + " (or " + names[1] + ") not found "
                + folder.map(f -> "in " + f + " (the MariaDB tool folder that was set)").orElse("on PATH")
                + ": install the MariaDB client (Debian/Ubuntu: apt-get install mariadb-client)");
    }

    private static List<Path> directories(Optional<Path> folder) {
        if (folder.isPresent()) {
            return List.of(folder.get());
        }
        List<Path> directories = new ArrayList<>();
        for (String entry : Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin").split(":")) {
            if (!entry.isEmpty()) {
                directories.add(Path.of(entry));
            }
        }
        return directories;
    }

    private static String version(String name, Path path) {
        try {
            return ToolRunner.output(new ToolCommand(name, List.of(path.toString(), "--version"))).strip()
                    .lines().findFirst().orElse(name);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.NO_ENGINE, "Cannot run " + path + " --version: " + Messages.firstLine(e)
                    + ": reinstall the MariaDB client (Debian/Ubuntu: apt-get install mariadb-client)", e);
        }
    }
}
