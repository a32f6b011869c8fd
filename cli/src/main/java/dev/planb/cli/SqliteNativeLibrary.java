package dev.planb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * The SQLite driver copies its native library into {@code java.io.tmpdir} under a new name on every start and
 * cannot remove it when the process is killed, so killed runs leave about 1 MB each there. The command line
 * extracts it once instead, to {@code $XDG_CACHE_HOME/planb/sqlite-VERSION/} (default {@code ~/.cache}), and
 * points the driver at it ({@code org.sqlite.lib.path}). A user who set that property keeps theirs.
 */
final class SqliteNativeLibrary {

    private SqliteNativeLibrary() {
    }

    /** Extracts the library when needed and tells the driver to load it from there; on any problem, changes nothing. */
    static void useFixedLocation() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
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

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("planb");
    }
}
