/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.crypto.Decryption;
import dev.planb.files.RestoredFiles;
import dev.planb.internal.stream.ChecksumMismatchException;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Restores the files sources of one backup. Each tree is extracted into a hidden staging folder
 * beside the target, and moved into place only once every archive it reads has matched its
 * checksum: a corrupt or incomplete backup never touches the target. An incremental source reads
 * its own archive, then from each backup it needs the files its index says are stored there.
 */
public final class FilesRestore {

    private final Catalog catalog;
    private final Manifest manifest;
    private final Decryption decryption;

    /** Restores from {@code manifest}'s backup, read through {@code catalog}, opening encrypted archives with {@code decryption}. */
    public FilesRestore(Catalog catalog, Manifest manifest, Decryption decryption) {
        this.catalog = catalog;
        this.manifest = manifest;
        this.decryption = decryption;
    }

    /**
     * The sources to restore: the named one, or all.
     *
     * @throws PlanBException when the backup has no files, or not the named source
     */
    public static List<FileSet> select(Manifest manifest, Optional<String> source) {
        if (manifest.files().isEmpty()) {
            throw new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "Backup " + manifest.backupId() + " of plan '"
                    + manifest.plan() + "' holds no files: restore its database only");
        }
        if (source.isEmpty()) {
            return manifest.files();
        }
        return manifest.files().stream().filter(files -> files.source().equals(source.get())).findFirst()
                .map(List::of).orElseThrow(() -> new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "Backup "
                        + manifest.backupId() + " has no files source '" + source.get() + "': it has "
                        + String.join(", ", manifest.files().stream().map(FileSet::source).toList())));
    }

    /**
     * Checks that a restore folder is missing or empty, unless {@code force} is set.
     *
     * @throws PlanBException with {@link ErrorCode#RESTORE_REFUSED} naming the folder
     */
    public static void checkTarget(Path directory, boolean force) {
        if (force || !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Files restore folder " + directory
                    + " is not a folder: give a new or empty folder");
        }
        try (Stream<Path> content = Files.list(directory)) {
            if (content.findAny().isPresent()) {
                throw new PlanBException(ErrorCode.RESTORE_REFUSED, "Files restore folder " + directory
                        + " is not empty: give an empty folder, or add --force to write over its files");
            }
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Cannot read files restore folder " + directory + ": "
                    + Messages.firstLine(e), e);
        }
    }

    /**
     * Restores one source into {@code directory}, keeping the files it already holds unless the
     * backup has a file of the same name.
     *
     * @param glob restores only the files and links matching it (folders follow), or everything
     */
    public RestoredFiles restore(FileSet fileSet, Path directory, Optional<String> glob) {
        Path target = directory.toAbsolutePath().normalize();
        Path staging = target.resolveSibling("." + target.getFileName() + ".planb-partial-" + UUID.randomUUID());
        Path created = firstMissing(staging);
        boolean restored = false;
        try {
            Files.createDirectories(staging);
            TarExtractor extractor = new TarExtractor(staging);
            Predicate<String> selected = glob.isEmpty() ? name -> true
                    : new FileFilter(List.of(glob.get()), List.of())::keepsFile;
            extract(manifest, fileSet.artifact(), extractor, entry -> selected.test(nameOf(entry)), glob.isEmpty());
            if (fileSet.incremental()) {
                for (String id : manifest.needs()) {
                    restoreFromOlder(fileSet, catalog.find(manifest.plan(), id), extractor, selected);
                }
            }
            extractor.finish();
            Files.createDirectories(target);
            moveInto(staging, target);
            restored = true;
            return new RestoredFiles(fileSet.source(), target, extractor.files(), extractor.bytes(),
                    extractor.warnings());
        } catch (ChecksumMismatchException e) {
            throw new PlanBException(ErrorCode.CORRUPT_BACKUP, "Files restore refused, " + target + " was not changed: "
                    + e.getMessage() + ". Restore from another destination", e);
        } catch (PlanBException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Restore of files '" + fileSet.source() + "' into "
                    + target + " failed: " + Messages.firstLine(e), e);
        } finally {
            deleteTree(restored || created == null ? staging : created); // a failed restore leaves no new folder
        }
    }

    /** The outermost folder of {@code path} that does not exist yet, or {@code null}. */
    private static Path firstMissing(Path path) {
        Path missing = null;
        for (Path current = path; current != null && !Files.exists(current, LinkOption.NOFOLLOW_LINKS);
                current = current.getParent()) {
            missing = current;
        }
        return missing;
    }

    /** Extracts from an older backup the files this backup's index says it holds. */
    private void restoreFromOlder(FileSet fileSet, Manifest older, TarExtractor extractor, Predicate<String> selected)
            throws IOException {
        Optional<FileSet> olderFiles = older.files().stream()
                .filter(files -> files.source().equals(fileSet.source())).findFirst();
        if (olderFiles.isEmpty()) {
            return;
        }
        try (InputStream indexStream = catalog.openDump(manifest, manifest.artifact(fileSet.index()).orElseThrow(), decryption);
                IndexReader index = new IndexReader(indexStream)) {
            extract(older, olderFiles.get().artifact(), extractor, entry -> {
                try {
                    String name = nameOf(entry);
                    return selected.test(name) && index.find(name)
                            .filter(indexed -> indexed.backup().equals(older.backupId())).isPresent();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, false);
        }
    }

    private void extract(Manifest backup, String artifactName, TarExtractor extractor,
            Predicate<TarArchiveEntry> wanted, boolean allFolders) throws IOException {
        try (InputStream stored = catalog.openDump(backup, backup.artifact(artifactName).orElseThrow(), decryption);
                TarArchiveInputStream tar = TarExtractor.open(stored)) {
            try {
                extractor.extract(tar, wanted, allFolders);
            } catch (UncheckedIOException | IOException e) {
                IOException error = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
                // A damaged archive shows first as a tar error: report the checksum mismatch behind it.
                stored.transferTo(OutputStream.nullOutputStream());
                throw error;
            }
            stored.transferTo(OutputStream.nullOutputStream()); // the end of the stream checks the checksum
        }
    }

    private static String nameOf(TarArchiveEntry entry) {
        String name = entry.getName();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** Moves the staged tree into the target, folder by folder, replacing files of the same name. */
    private static void moveInto(Path staged, Path target) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(staged)) {
            for (Path child : children) {
                Path destination = target.resolve(child.getFileName().toString());
                boolean bothFolders = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                        && Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS);
                if (bothFolders) {
                    moveInto(child, destination);
                    Files.setPosixFilePermissions(destination, Files.getPosixFilePermissions(child));
                    Files.setLastModifiedTime(destination, Files.getLastModifiedTime(child));
                } else {
                    deleteTree(destination); // a file, link or folder of the same name is replaced
                    Files.move(child, destination, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException e) {
                    // left for the caller's message; nothing else to do
                }
            }
        } catch (IOException e) {
            // a staging folder that cannot be removed is hidden and harmless
        }
    }
}
