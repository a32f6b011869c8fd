/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.files.DirectorySource;
import dev.planb.internal.json.StoredJson;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes one tree as a POSIX (PAX) tar stream in walk order: folders, links and named pipes with
 * their metadata, and the content of regular files. A file that changes, grows, shrinks or
 * vanishes while it is read is a warning, never a silent gap. For an incremental source, a file
 * whose size, modification time and SHA-256 match the previous index is not stored again: the
 * new index points to the backup that holds it.
 */
final class TreeArchive implements TreeWalker.Visitor {

    /** Warnings and skipped files kept by name; beyond this, only counted, so memory stays bounded. */
    static final int LISTED_LIMIT = 1000;
    private static final int BUFFER = 64 * 1024;
    private static final ObjectWriter INDEX_LINE = StoredJson.mapper().writerFor(IndexEntry.class)
            .without(SerializationFeature.INDENT_OUTPUT).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final String plan;
    private final DirectorySource source;
    private final String backupId;
    private final IndexReader previous;
    private final Writer index;
    private final TarArchiveOutputStream tar;
    private final byte[] buffer = new byte[BUFFER];
    private final List<String> warnings = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final TreeSet<String> referenced = new TreeSet<>();
    private long unlistedWarnings;
    private long unlistedSkipped;
    private long fileCount;
    private long totalSize;
    private long storedFiles;
    private long storedSize;

    /**
     * @param previous the previous backup's index ({@link IndexReader#empty()} when there is none)
     * @param index where to write this backup's index, or {@code null} when the source is not incremental
     */
    private TreeArchive(String plan, DirectorySource source, String backupId, IndexReader previous, Writer index,
            OutputStream out) {
        this.plan = plan;
        this.source = source;
        this.backupId = backupId;
        this.previous = previous;
        this.index = index;
        this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** Writes the tree of {@code source} to {@code out} (which stays open) and, if given, its index. */
    static ArchiveSummary write(String plan, DirectorySource source, String backupId, IndexReader previous,
            Writer index, OutputStream out) throws IOException {
        TreeArchive archive = new TreeArchive(plan, source, backupId, previous, index, out);
        new TreeWalker(source.directory(), new FileFilter(source.includes(), source.excludes())).walk(archive);
        archive.tar.finish();
        archive.tar.flush();
        return archive.summary();
    }

    @Override
    public void visit(String relative, Path path, FileAttributes attributes) throws IOException {
        switch (attributes.kind()) {
            case DIRECTORY -> putEmptyEntry(header(relative + "/", TarConstants.LF_DIR, attributes));
            case SYMLINK -> archiveLink(relative, path, attributes);
            case FILE -> archiveFile(relative, path, attributes);
            case OTHER -> archiveSpecial(relative, attributes);
        }
    }

    @Override
    public void vanished(String relative) {
        warn(relative + " vanished while the tree was read");
    }

    @Override
    public void unreadable(String relative, IOException error) {
        if (!source.skipUnreadable()) {
            throw new PlanBException(ErrorCode.DUMP_FAILED, "Backup of plan '" + plan + "' failed: files '"
                    + source.name() + "': cannot read " + source.directory().resolve(relative) + " ("
                    + Messages.firstLine(error) + "): fix its permissions, exclude it, or skip unreadable files"
                    + " (--skip-unreadable)", error);
        }
        if (skipped.size() < LISTED_LIMIT) {
            skipped.add(relative);
        } else {
            unlistedSkipped++;
        }
    }

    private void archiveLink(String relative, Path path, FileAttributes attributes) throws IOException {
        TarArchiveEntry entry = header(relative, TarConstants.LF_SYMLINK, attributes);
        try {
            entry.setLinkName(Files.readSymbolicLink(path).toString());
        } catch (NoSuchFileException e) {
            vanished(relative);
            return;
        }
        putEmptyEntry(entry);
    }

    private void archiveSpecial(String relative, FileAttributes attributes) throws IOException {
        if (attributes.isFifo()) {
            putEmptyEntry(header(relative, TarConstants.LF_FIFO, attributes));
        } else {
            warn(relative + " is a socket or device file and was not stored");
        }
    }

    private void putEmptyEntry(TarArchiveEntry entry) throws IOException {
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private void archiveFile(String relative, Path path, FileAttributes attributes) throws IOException {
        fileCount++;
        totalSize += attributes.size();
        if (index != null) {
            Optional<IndexEntry> before = previous.find(relative);
            if (before.isPresent() && unchanged(before.get(), path, attributes)) {
                referenced.add(before.get().backup());
                writeIndex(new IndexEntry(relative, attributes.size(), attributes.modified().toInstant(),
                        before.get().sha256(), before.get().backup()));
                return;
            }
        }
        InputStream in;
        try {
            in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            fileCount--;
            totalSize -= attributes.size();
            vanished(relative);
            return;
        } catch (AccessDeniedException e) {
            fileCount--;
            totalSize -= attributes.size();
            unreadable(relative, e);
            return;
        }
        TarArchiveEntry entry = header(relative, TarConstants.LF_NORMAL, attributes);
        entry.setSize(attributes.size());
        tar.putArchiveEntry(entry);
        MessageDigest sha256 = Sha256.newDigest();
        try (in) {
            copyContent(relative, in, attributes.size(), sha256);
        }
        tar.closeArchiveEntry();
        storedFiles++;
        storedSize += attributes.size();
        checkUnchangedAfterReading(relative, path, attributes);
        if (index != null) {
            referenced.add(backupId);
            writeIndex(new IndexEntry(relative, attributes.size(), attributes.modified().toInstant(),
                    HexFormat.of().formatHex(sha256.digest()), backupId));
        }
    }

    /** Copies exactly {@code size} bytes, as the header announced: zeros if the file shrank, a warning either way. */
    private void copyContent(String relative, InputStream in, long size, MessageDigest sha256) throws IOException {
        long remaining = size;
        while (remaining > 0) {
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            } catch (IOException e) {
                unreadable(relative, e); // fails the run unless unreadable files are skipped
                n = -1;
            }
            if (n < 0) {
                warn(relative + " shrank while being read: the stored copy is padded with zeros");
                Arrays.fill(buffer, (byte) 0);
                while (remaining > 0) {
                    int zeros = (int) Math.min(buffer.length, remaining);
                    tar.write(buffer, 0, zeros);
                    sha256.update(buffer, 0, zeros);
                    remaining -= zeros;
                }
                return;
            }
            tar.write(buffer, 0, n);
            sha256.update(buffer, 0, n);
            remaining -= n;
        }
        if (in.read() >= 0) {
            warn(relative + " grew while being read: the stored copy holds its first " + size + " bytes");
        }
    }

    private void checkUnchangedAfterReading(String relative, Path path, FileAttributes before) throws IOException {
        try {
            if (!FileAttributes.read(path).sameContentAs(before)) {
                warn(relative + " changed while being read: the stored copy may mix old and new content");
            }
        } catch (NoSuchFileException e) {
            warn(relative + " was deleted while being read");
        }
    }

    /** Whether a file matches the previous index's entry: size, modification time, then content. */
    private boolean unchanged(IndexEntry before, Path path, FileAttributes attributes) throws IOException {
        if (before.size() != attributes.size() || !before.modified().equals(attributes.modified().toInstant())) {
            return false;
        }
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            return false; // storing it reports the problem
        }
        return HexFormat.of().formatHex(sha256.digest()).equals(before.sha256());
    }

    private TarArchiveEntry header(String name, byte type, FileAttributes attributes) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(attributes.mode() & 0170000 | attributes.permissions());
        entry.setUserId(attributes.uid());
        entry.setGroupId(attributes.gid());
        entry.setUserName(attributes.owner());
        entry.setGroupName(attributes.group());
        entry.setLastModifiedTime(attributes.modified());
        return entry;
    }

    private void writeIndex(IndexEntry entry) throws IOException {
        INDEX_LINE.writeValue(index, entry);
        index.write('\n');
    }

    private void warn(String warning) {
        if (warnings.size() < LISTED_LIMIT) {
            warnings.add(warning);
        } else {
            unlistedWarnings++;
        }
    }

    private ArchiveSummary summary() {
        List<String> allWarnings = new ArrayList<>(warnings);
        if (unlistedWarnings > 0) {
            allWarnings.add("and " + unlistedWarnings + " more files changed or vanished");
        }
        List<String> allSkipped = new ArrayList<>(skipped);
        if (unlistedSkipped > 0) {
            allSkipped.add("and " + unlistedSkipped + " more unreadable files");
        }
        return new ArchiveSummary(fileCount, totalSize, storedFiles, storedSize, allWarnings, allSkipped, referenced);
    }
}
