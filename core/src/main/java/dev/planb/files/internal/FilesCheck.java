/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import dev.planb.catalog.Catalog;
import dev.planb.crypto.Decryption;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Checks the files sources of a backup without restoring them: each archive's regular files
 * (count and bytes) against the manifest, and an incremental source's index against the
 * manifest's totals.
 */
public final class FilesCheck {

    private FilesCheck() {
    }

    /**
     * The problems found in {@code manifest}'s files sources, one line each; empty when they are
     * sound. Encrypted archives are only counted when {@code decryption} can open them (their
     * checksums are checked without it).
     */
    public static List<String> problems(Catalog catalog, Manifest manifest, Decryption decryption) {
        List<String> problems = new ArrayList<>();
        for (String needed : manifest.needs()) {
            try {
                catalog.find(manifest.plan(), needed);
            } catch (RuntimeException e) {
                problems.add("backup " + needed + ", which holds files this backup needs, is missing: " + e.getMessage());
            }
        }
        for (FileSet fileSet : manifest.files()) {
            if (manifest.artifact(fileSet.artifact()).orElseThrow().isEncrypted() && !decryption.isPresent()) {
                continue;
            }
            try {
                checkArchive(catalog, manifest, fileSet, decryption).ifPresent(problems::add);
                if (fileSet.incremental()) {
                    checkIndex(catalog, manifest, fileSet, decryption).ifPresent(problems::add);
                }
            } catch (IOException e) {
                problems.add("files '" + fileSet.source() + "': " + e.getMessage());
            }
        }
        return problems;
    }

    private static Optional<String> checkArchive(Catalog catalog, Manifest manifest, FileSet fileSet,
            Decryption decryption)
            throws IOException {
        long files = 0;
        long bytes = 0;
        try (InputStream stored = catalog.openDump(manifest, manifest.artifact(fileSet.artifact()).orElseThrow(), decryption);
                TarArchiveInputStream tar = TarExtractor.open(stored)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (TarExtractor.isRegularFile(entry)) {
                    files++;
                    bytes += entry.getSize();
                }
            }
            stored.transferTo(OutputStream.nullOutputStream());
        }
        return mismatch(fileSet, fileSet.artifact(), files, bytes, fileSet.storedFiles(), fileSet.storedSize());
    }

    private static Optional<String> checkIndex(Catalog catalog, Manifest manifest, FileSet fileSet,
            Decryption decryption)
            throws IOException {
        long files = 0;
        long bytes = 0;
        try (IndexReader index = new IndexReader(
                catalog.openDump(manifest, manifest.artifact(fileSet.index()).orElseThrow(), decryption))) {
            for (Optional<IndexEntry> entry = index.next(); entry.isPresent(); entry = index.next()) {
                files++;
                bytes += entry.get().size();
            }
        }
        return mismatch(fileSet, fileSet.index(), files, bytes, fileSet.fileCount(), fileSet.totalSize());
    }

    private static Optional<String> mismatch(FileSet fileSet, String artifact, long files, long bytes,
            long expectedFiles, long expectedBytes) {
        if (files == expectedFiles && bytes == expectedBytes) {
            return Optional.empty();
        }
        return Optional.of("files '" + fileSet.source() + "': " + artifact + " holds " + files + " files of " + bytes
                + " bytes, the manifest records " + expectedFiles + " files of " + expectedBytes + " bytes");
    }
}
