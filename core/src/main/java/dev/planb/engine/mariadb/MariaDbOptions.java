package dev.planb.engine.mariadb;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@link MariaDbEngine} finds its tools.
 *
 * <pre>{@code
 * new MariaDbEngine(new MariaDbOptions(Path.of("/opt/mariadb/bin")))
 * }</pre>
 *
 * @param toolDirectory the folder holding {@code mariadb-dump} and {@code mariadb} (or
 *     {@code mysqldump} and {@code mysql}), or {@code null} to search {@code PATH}
 */
public record MariaDbOptions(Path toolDirectory) {

    /** The defaults: tools searched for on {@code PATH}. */
    public static final MariaDbOptions DEFAULTS = new MariaDbOptions(null);

    /** The tool folder, when one was set. */
    public Optional<Path> tools() {
        return Optional.ofNullable(toolDirectory);
    }
}
