/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * The SQLite and zstd drivers copy their native library into {@code java.io.tmpdir} under a new name on every start
 * and cannot remove it when the process is killed, so killed runs leave about 1 MB each there. The command line
 * extracts SQLite's once instead, to {@code $XDG_CACHE_HOME/planb/sqlite-VERSION/} (default {@code ~/.cache}), and
 * points the driver at it ({@code org.sqlite.lib.path}); zstd's copies go to {@code $XDG_CACHE_HOME/planb/zstd/}
 * ({@code ZstdTempFolder}), where those older than a minute (loaded long ago, or left by a killed run) are removed
 * at start. A user who set these properties keeps theirs.
 */
final class NativeLibraries {

    /** A library copy is loaded within milliseconds of being written; one older than this is not being loaded. */
    private static final Duration LOADED = Duration.ofMinutes(1);

    private NativeLibraries() {
    }

    /** Extracts the libraries when needed and tells the drivers to load them from there; on any problem, changes nothing. */
    static void useFixedLocation() {
        useZstdFolder();
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + sqliteFolder() + "/" + name;
        try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (library == null) {
                return; // no bundled library for this platform: the driver reports it
            }
            Path folder = cacheFolder().resolve("sqlite-" + SQLiteJDBCLoader.getVersion());
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(folder);
                Path temporary = Files.createTempFile(folder, "." + name, ".partial");
                try {
                    Files.copy(library, temporary, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            // the driver then extracts the library to java.io.tmpdir, as it does by default
        }
    }

    /**
     * The driver's folder for this platform, as {@code OSInfo} names it, but on Linux without its {@code uname -o}
     * (a check for Android's Termux): that child process would inherit this process's environment, which may hold a
     * password given with {@code --password-env}. Where Android is possible, the driver's own answer is taken.
     */
    static String sqliteFolder() {
        boolean linux = System.getProperty("os.name", "").contains("Linux");
        if (!linux || OSInfo.isAndroidRuntime() || Files.exists(Path.of("/system/build.prop"))) {
            return OSInfo.getNativeLibFolderPathForCurrentOS();
        }
        return (OSInfo.isMusl() ? "Linux-Musl" : "Linux") + "/" + OSInfo.getArchName();
    }

    private static void useZstdFolder() {
        if (System.getProperty("ZstdTempFolder") != null) {
            return;
        }
        Path folder = cacheFolder().resolve("zstd");
        Instant loaded = Instant.now().minus(LOADED);
        try {
            Files.createDirectories(folder);
            try (DirectoryStream<Path> copies = Files.newDirectoryStream(folder, "libzstd-jni-*")) {
                for (Path copy : copies) {
                    if (Files.getLastModifiedTime(copy).toInstant().isBefore(loaded)) {
                        Files.deleteIfExists(copy); // a loaded library stays mapped; where it cannot be deleted, it stays
                    }
                }
            }
            System.setProperty("ZstdTempFolder", folder.toString());
        } catch (IOException | RuntimeException e) {
            // zstd then extracts its library to java.io.tmpdir, as it does by default
        }
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("planb");
    }
}
