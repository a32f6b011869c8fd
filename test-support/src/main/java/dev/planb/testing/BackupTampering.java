/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.Compression;
import dev.planb.catalog.DamagedManifestException;
import dev.planb.catalog.ManifestReader;
import dev.planb.catalog.ManifestWriter;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Damages a stored backup the way a checksum cannot catch: the manifest is rewritten to match,
 * so only a restore drill tells. For tests of verification only.
 */
final class BackupTampering {

    private final Path backupFolder;

    /** The backup {@code manifest} describes, in the local destination at {@code root}. */
    BackupTampering(Path root, Manifest manifest) {
        this.backupFolder = root.resolve(Layout.backupFolder(manifest.plan(), manifest.id()));
    }

    /**
     * Cuts the (small, unencrypted) dump short, inside its first {@code INSERT} statement for SQL
     * scripts and at half its length otherwise, and rewrites the manifest's sizes and checksum to match.
     */
    void truncateDump() throws IOException {
        Manifest manifest = manifest();
        Artifact artifact = manifest.artifacts().get(0);
        Compression compression = Compression.fromId(artifact.compression());
        Path file = backupFolder.resolve(artifact.name());
        Path truncated = backupFolder.resolve("truncated.tmp");
        byte[] dump;
        try (InputStream in = compression.decompress(Files.newInputStream(file))) {
            dump = in.readAllBytes();
        }
        int insert = new String(dump, StandardCharsets.ISO_8859_1).indexOf("INSERT INTO");
        int length = insert >= 0 ? insert + 20 : dump.length / 2;
        try (OutputStream out = compression.compress(Files.newOutputStream(truncated))) {
            out.write(dump, 0, length);
        }
        Files.move(truncated, file, StandardCopyOption.REPLACE_EXISTING);
        Artifact rewritten = new Artifact(artifact.name(), Files.size(file), sha256(file), artifact.compression(),
                artifact.encryption(), length);
        write(new Manifest(manifest.formatVersion(), manifest.plan(), manifest.backupId(), manifest.kind(),
                manifest.parentId(), manifest.engine(), manifest.database(), manifest.startedAt(), manifest.finishedAt(),
                List.of(rewritten), manifest.tables(), manifest.planbVersion()));
    }

    /** Rewrites the row count the manifest records for {@code table}. */
    void recordRows(String table, long rows) throws IOException {
        Manifest manifest = manifest();
        List<TableCount> tables = manifest.tables().stream()
                .map(count -> count.table().equalsIgnoreCase(table) ? new TableCount(count.table(), rows) : count)
                .toList();
        write(new Manifest(manifest.formatVersion(), manifest.plan(), manifest.backupId(), manifest.kind(),
                manifest.parentId(), manifest.engine(), manifest.database(), manifest.startedAt(), manifest.finishedAt(),
                manifest.artifacts(), tables, manifest.planbVersion()));
    }

    private Manifest manifest() throws IOException {
        Path file = backupFolder.resolve(Layout.MANIFEST);
        try {
            return ManifestReader.read(Files.readAllBytes(file), file.toString());
        } catch (DamagedManifestException e) {
            throw new IOException(file + " " + e.getMessage(), e);
        }
    }

    private void write(Manifest manifest) throws IOException {
        Files.write(backupFolder.resolve(Layout.MANIFEST), ManifestWriter.write(manifest));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
