/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code pg_dump} and {@code pg_restore}: in the configured folder only, when one is set;
 * otherwise the newest in {@code /usr/lib/postgresql/<version>/bin} (Debian's layout) or on
 * {@code PATH}. Checks that the tool's major version is at least the server's, as
 * {@code pg_dump} requires, and says what to install when not.
 */
final class PgTools {

    private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
    private static final Map<String, Tool> KNOWN = new ConcurrentHashMap<>();
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(?:\\.(\\d+))?");

    private PgTools() {
    }

    /**
     * A tool found and its version.
     *
     * @param path the executable
     * @param version its version, e.g. {@code 15.18}
     * @param major its major version
     */
    record Tool(Path path, String version, int major) {
    }

    /** Finds {@code name}, fitting a server of major version {@code serverMajor}. */
    static Tool find(String name, Optional<Path> folder, int serverMajor) {
        List<Tool> candidates = new ArrayList<>();
        for (Path path : candidatePaths(name, folder)) {
            if (Files.isExecutable(path)) {
                candidates.add(describe(name, path));
            }
        }
        if (candidates.isEmpty()) {
            throw new PlanBException(ErrorCode.NO_ENGINE, name + " not found " + folder
                    .map(f -> "in " + f + " (the PostgreSQL tool folder that was set)")
                    .orElse("on PATH or in " + DEBIAN_VERSIONS + "/*/bin")
                    + ": install the PostgreSQL " + serverMajor + " client (Debian/Ubuntu: apt-get install postgresql-client-"
                    + serverMajor + ")");
        }
        Tool newest = candidates.stream().max(Comparator.comparingInt(Tool::major)).orElseThrow();
        if (newest.major() < serverMajor) {
            throw new PlanBException(ErrorCode.NO_ENGINE, name + " " + newest.version() + " (" + newest.path()
                    + ") is older than the PostgreSQL " + serverMajor + " server and cannot read it: install the PostgreSQL "
                    + serverMajor + " client or newer (Debian/Ubuntu: apt-get install postgresql-client-" + serverMajor + ")");
        }
        return newest;
    }

    /**
     * Finds {@code name} of exactly major version {@code major}: the server programs ({@code pg_ctl})
     * that run a data directory must be of the version that wrote it.
     */
    static Tool findExact(String name, Optional<Path> folder, int major) {
        for (Path path : candidatePaths(name, folder)) {
            if (Files.isExecutable(path)) {
                Tool tool = describe(name, path);
                if (tool.major() == major) {
                    return tool;
                }
            }
        }
        throw new PlanBException(ErrorCode.NO_ENGINE, name + " of PostgreSQL " + major + " not found " + folder
                .map(f -> "in " + f + " (the PostgreSQL tool folder that was set)")
                .orElse("on PATH or in " + DEBIAN_VERSIONS + "/*/bin")
                + ": a data directory is recovered by the server version that wrote it; install PostgreSQL " + major
                + " (Debian/Ubuntu: apt-get install postgresql-" + major + ")");
    }

    /**
     * The configured folder's tool; else Debian's versioned tools (PATH's {@code pg_dump} is then
     * only Debian's wrapper around them); else PATH's.
     */
    private static List<Path> candidatePaths(String name, Optional<Path> folder) {
        if (folder.isPresent()) {
            return List.of(folder.get().resolve(name));
        }
        List<Path> paths = new ArrayList<>();
        if (Files.isDirectory(DEBIAN_VERSIONS)) {
            try (DirectoryStream<Path> versions = Files.newDirectoryStream(DEBIAN_VERSIONS)) {
                versions.forEach(version -> paths.add(version.resolve("bin").resolve(name)));
            } catch (IOException e) {
                // An unreadable folder is the same as none: PATH is searched instead.
            }
        }
        paths.removeIf(path -> !Files.isExecutable(path));
        if (!paths.isEmpty()) {
            return paths;
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String entry : path.split(":")) {
            if (!entry.isEmpty()) {
                paths.add(Path.of(entry, name));
            }
        }
        return paths;
    }

    /** A tool's version, asked once per executable file (by path, size and modification time). */
    private static Tool describe(String name, Path path) {
        String key;
        try {
            key = path.toRealPath() + "|" + Files.size(path) + "|" + Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return ask(name, path);
        }
        return KNOWN.computeIfAbsent(key, k -> ask(name, path));
    }

    private static Tool ask(String name, Path path) {
        String output;
        try {
            output = ToolRunner.output(new ToolCommand(name, List.of(path.toString(), "--version")));
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.NO_ENGINE, "Cannot run " + path + " --version: " + Messages.firstLine(e)
                    + ": reinstall the PostgreSQL client (Debian/Ubuntu: apt-get install postgresql-client)", e);
        }
        Matcher matcher = VERSION.matcher(output);
        if (!matcher.find()) {
            throw new PlanBException(ErrorCode.NO_ENGINE, path + " --version printed '" + output.strip()
                    + "', not a PostgreSQL version: point the PostgreSQL tool folder at a real " + name);
        }
        String version = matcher.group(1) + (matcher.group(2) == null ? "" : "." + matcher.group(2));
        return new Tool(path, version, Integer.parseInt(matcher.group(1)));
    }
}
