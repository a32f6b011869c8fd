/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.ScratchDatabase;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.ProcessOwnedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scratch databases of file databases (SQLite, H2): a folder {@code planb_verify_<random>} in
 * {@code java.io.tmpdir} holding the database and a marker file that the drill keeps locked, so
 * the folders of killed drills (marker present, lock free) are found and deleted by the next one.
 */
final class FileScratchDatabases implements ScratchDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(FileScratchDatabases.class);
    private static final String MARKER = ".planb-verify-scratch";

    private final Function<Path, String> jdbcUrlInFolder;

    /** @param jdbcUrlInFolder the JDBC URL of a new database inside the given folder */
    FileScratchDatabases(Function<Path, String> jdbcUrlInFolder) {
        this.jdbcUrlInFolder = jdbcUrlInFolder;
    }

    @Override
    public ScratchDatabase create(DatabaseSource server) {
        String name = ScratchDatabases.newName();
        Path folder = temporaryFolder().resolve(name);
        try {
            Files.createDirectory(folder);
            FileChannel marker = FileChannel.open(folder.resolve(MARKER), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            FileLock lock = marker.lock();
            DatabaseSource source = DatabaseSource.of(jdbcUrlInFolder.apply(folder), server.user(), server.password());
            return new Held(name, source, folder, lock);
        } catch (IOException e) {
            delete(folder);
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Cannot make a scratch database in " + temporaryFolder()
                    + ": " + Messages.firstLine(e) + ": point java.io.tmpdir at a writable folder", e);
        }
    }

    @Override
    public List<String> dropOrphans(DatabaseSource server) {
        List<String> dropped = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(temporaryFolder(), NAME_PREFIX + "*")) {
            for (Path folder : folders) {
                if (isOrphan(folder)) {
                    delete(folder);
                    dropped.add(folder.getFileName().toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not look for scratch databases of killed drills", e);
        }
        return dropped;
    }

    /** A folder with PlanB's marker that no live drill holds locked. */
    private static boolean isOrphan(Path folder) {
        Path marker = folder.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by a drill in this very process
        } catch (IOException e) {
            return false;
        }
    }

    private static Path temporaryFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void delete(Path folder) {
        try {
            ProcessOwnedFiles.deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete scratch database folder {}: {}", folder, Messages.firstLine(e));
        }
    }

    /** A scratch database folder held by this process. */
    private record Held(String name, DatabaseSource source, Path folder, FileLock lock) implements ScratchDatabase {

        @Override
        public void close() {
            try {
                lock.channel().close();
            } catch (IOException e) {
                LOG.debug("Could not release the lock of {}", folder, e);
            }
            delete(folder);
        }
    }
}
