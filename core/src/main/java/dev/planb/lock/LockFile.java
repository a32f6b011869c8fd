/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.lock;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.PlanLock;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PlanLock} on a file {@code <folder>/<plan>.planb-lock}, held with an operating-system
 * file lock: it excludes runtimes in the same JVM and in other processes on the same host, and
 * it is released when the process dies, so a crash never leaves a stale lock. The file itself
 * stays (an empty file); it is not a sign that a run is going on. Use a folder on a local disk
 * that every instance sees: network file systems may not honour the lock.
 */
public final class LockFile implements PlanLock {

    private static final Logger LOG = LoggerFactory.getLogger(LockFile.class);

    private final Path folder;

    /**
     * Locks with files in a folder, which is created on the first acquire when missing.
     *
     * @param folder the folder of the lock files; relative to the working directory unless absolute
     */
    public LockFile(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /**
     * Names the lock file of a plan.
     *
     * @param plan the plan's name
     * @return {@code <folder>/<plan>.planb-lock}, an absolute path
     */
    public Path file(String plan) {
        return folder.resolve(plan + ".planb-lock");
    }

    @Override
    public Optional<Lease> tryAcquire(String plan) {
        Path file = file(plan);
        FileChannel channel = null;
        try {
            Files.createDirectories(folder);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            FileChannel held = channel;
            return Optional.of(() -> release(held, file));
        } catch (OverlappingFileLockException e) {
            release(channel, file);
            return Optional.empty();
        } catch (IOException e) {
            release(channel, file);
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Cannot use lock file " + file + " for plan '" + plan
                    + "': " + Messages.firstLine(e) + ": make the folder writable or choose another with lock(...)", e);
        }
    }

    private static void release(FileChannel channel, Path file) {
        if (channel == null) {
            return;
        }
        try {
            channel.close(); // releases the lock
        } catch (IOException e) {
            LOG.debug("Could not close lock file {}", file, e);
        }
    }

    @Override
    public String description() {
        return "lock file " + folder + "/<plan>.planb-lock";
    }

    @Override
    public String toString() {
        return description();
    }
}
