/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary files and folders named after the process that made them ({@code PREFIX<pid>-…}), so
 * that those a killed process left behind are removed by the next run instead of filling the disk
 * or keeping a pass file.
 */
public final class ProcessOwnedFiles {

    private ProcessOwnedFiles() {
    }

    /**
     * Makes the name prefix of this process's files.
     *
     * @param prefix what the names start with, e.g. {@code planb-snapshot-}
     * @return {@code prefix}, this process's id and a dash
     */
    public static String prefix(String prefix) {
        return prefix + ProcessHandle.current().pid() + "-";
    }

    /**
     * Deletes the files and folders in {@code folder} named {@code prefix<pid>-…} whose process is gone.
     *
     * @param folder the folder to clean, which must exist
     * @param prefix the prefix given to {@link #prefix(String)}
     * @throws IOException if the folder cannot be listed or an orphan cannot be deleted
     */
    public static void removeOrphans(Path folder, String prefix) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, prefix + "*")) {
            for (Path entry : entries) {
                String rest = entry.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && rest.substring(0, dash).chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
                    deleteTree(entry);
                }
            }
        }
    }

    /**
     * Deletes a file, or a folder and everything in it; nothing when it does not exist.
     *
     * @param root the file or folder
     * @throws IOException if something cannot be deleted
     */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
