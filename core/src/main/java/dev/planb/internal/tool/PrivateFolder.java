/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import dev.planb.spi.support.Messages;
import dev.planb.spi.support.ProcessOwnedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder in {@code java.io.tmpdir} that only this user can enter, for the pass files handed to
 * database tools and for dumps staged on disk; deleted with everything in it on {@link #close()}.
 * Its name carries this process's id, so the folders a killed process left behind (possibly
 * holding a pass file) are deleted by the next one.
 */
public final class PrivateFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFolder.class);
    private static final String PREFIX = "planb-private-";

    private final Path path;

    private PrivateFolder(Path path) {
        this.path = path;
    }

    /** Creates a new private folder, after removing those of dead processes. */
    public static PrivateFolder create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            ProcessOwnedFiles.removeOrphans(tmp, PREFIX);
        } catch (IOException e) {
            LOG.debug("Could not remove the temporary folders of stopped runs", e);
        }
        return new PrivateFolder(Files.createTempDirectory(tmp, ProcessOwnedFiles.prefix(PREFIX),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** Writes a file readable by this user only (mode 0600), e.g. a pass file. */
    public Path writeSecretFile(String name, String content) throws IOException {
        Path file = path.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    /** Deletes the folder and everything in it. */
    @Override
    public void close() {
        try {
            ProcessOwnedFiles.deleteTree(path);
        } catch (IOException e) {
            LOG.warn("Could not delete the temporary folder {}: {}", path, Messages.firstLine(e));
        }
    }
}
