/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes the entries of PlanB tar archives below one folder: folders, regular files, symbolic
 * links, with permissions and modification times (and owners when run as root). Names that
 * would land outside the folder, or below a symbolic link, are refused. Folders get their
 * permissions and times last, so that writing into them does not change them.
 */
public final class TarExtractor {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path root;
    private final List<TarArchiveEntry> folders = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long files;
    private long bytes;

    TarExtractor(Path root) {
        this.root = root;
    }

    /**
     * Extracts the entries of {@code tar} that {@code wanted} accepts (by relative name, without
     * a trailing slash); folders are kept for every entry when {@code allFolders} is set.
     */
    void extract(TarArchiveInputStream tar, Predicate<TarArchiveEntry> wanted, boolean allFolders) throws IOException {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (entry.isDirectory()) {
                if (allFolders && wanted.test(entry)) {
                    Files.createDirectories(target(entry));
                    folders.add(entry);
                }
            } else if (wanted.test(entry)) {
                extractFile(tar, entry);
            }
        }
    }

    /** Gives folders their permissions, owners and times, deepest first. */
    void finish() throws IOException {
        for (int i = folders.size() - 1; i >= 0; i--) {
            TarArchiveEntry folder = folders.get(i);
            Path path = target(folder);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                applyMetadata(path, folder);
            }
        }
    }

    /** The regular files written. */
    long files() {
        return files;
    }

    /** Their bytes. */
    long bytes() {
        return bytes;
    }

    /** Entries that could not be restored as they were (named pipes, devices, hard links). */
    List<String> warnings() {
        return warnings;
    }

    private void extractFile(TarArchiveInputStream tar, TarArchiveEntry entry) throws IOException {
        Path path = target(entry);
        Files.createDirectories(path.getParent());
        checkNoLinkBetween(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            setTime(path, entry.getLastModifiedTime());
            setOwner(path, entry);
        } else if (isRegularFile(entry)) {
            Files.deleteIfExists(path); // replaces a link instead of writing through it
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            files++;
            bytes += entry.getSize();
            applyMetadata(path, entry);
        } else {
            warnings.add(entry.getName() + " is a named pipe, device or hard link and was not restored:"
                    + " extract it with tar");
        }
    }

    private void applyMetadata(Path path, TarArchiveEntry entry) throws IOException {
        setOwner(path, entry);
        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        setTime(path, entry.getLastModifiedTime());
    }

    private static void setTime(Path path, FileTime time) {
        try {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(time, null, null);
        } catch (IOException | UnsupportedOperationException e) {
            // a link's own time cannot be set everywhere; its target is what matters
        }
    }

    private static void setOwner(Path path, TarArchiveEntry entry) throws IOException {
        if (ROOT) {
            Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    private Path target(TarArchiveEntry entry) throws IOException {
        String name = entry.getName();
        Path relative = Path.of(name).normalize();
        if (relative.isAbsolute() || relative.toString().isEmpty() || relative.startsWith("..")) {
            throw new IOException("refusing archive entry '" + name + "': it points outside the restore folder");
        }
        return root.resolve(relative);
    }

    /** Refuses to write through a symbolic link, which could lead outside the restore folder. */
    private void checkNoLinkBetween(Path folder) throws IOException {
        for (Path current = folder; current != null && current.startsWith(root) && !current.equals(root);
                current = current.getParent()) {
            if (Files.isSymbolicLink(current)) {
                throw new IOException("refusing to write below symbolic link " + current);
            }
        }
    }

    /** Whether an entry is a regular file with content (tar's {@code isFile()} also says yes to links and pipes). */
    static boolean isRegularFile(TarArchiveEntry entry) {
        return entry.getLinkFlag() == TarConstants.LF_NORMAL || entry.getLinkFlag() == TarConstants.LF_OLDNORM;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ … OTHERS_EXECUTE
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    /**
     * Extracts a whole tar stream (a PostgreSQL base backup, say) below {@code root}, reading {@code in} to its
     * end so that a checksum at its end is checked.
     *
     * @return the entries that could not be restored as they were, one line each
     */
    public static List<String> extractAll(InputStream in, Path root) throws IOException {
        TarExtractor extractor = new TarExtractor(root);
        extractor.extract(open(in), entry -> true, true);
        extractor.finish();
        in.transferTo(java.io.OutputStream.nullOutputStream());
        return List.copyOf(extractor.warnings());
    }

    /** Reads a tar stream as PlanB wrote it. */
    static TarArchiveInputStream open(InputStream in) throws IOException {
        return new TarArchiveInputStream(in, "UTF-8");
    }
}
