/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A directory tree with what breaks naive archivers, and a way to compare trees. */
public final class SampleTree {

    private SampleTree() {
    }

    /** Creates the sample tree under {@code root}. */
    public static Path create(Path root) throws IOException {
        Files.createDirectories(root);
        Random random = new Random(7);
        write(root.resolve("README.txt"), "uploads\n".getBytes());
        write(root.resolve("Zoë Ünïcødé 日本語 🙂.txt"), "unicode name".getBytes());
        write(root.resolve("empty"), new byte[0]);
        byte[] blob = new byte[300_000];
        random.nextBytes(blob);
        write(root.resolve("photos/2026/blob.bin"), blob);
        Path deep = root;
        for (int i = 0; i < 30; i++) {
            deep = deep.resolve("level-" + i);
        }
        write(deep.resolve("deep.txt"), "deep".getBytes());
        write(root.resolve("long/" + "n".repeat(200) + ".txt"), "long name".getBytes());
        write(root.resolve("private/secret.conf"), "key=value".getBytes());
        Files.setPosixFilePermissions(root.resolve("private/secret.conf"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(root.resolve("README.txt"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createDirectories(root.resolve("empty-folder"));
        Files.createSymbolicLink(root.resolve("link-to-readme"), Path.of("README.txt"));
        Files.createSymbolicLink(root.resolve("photos/link-up"), Path.of("../private/secret.conf"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/nonexistent/target"));
        Files.setPosixFilePermissions(root.resolve("private"), PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !Files.isSymbolicLink(path)).toList()) {
                Files.setLastModifiedTime(path, FileTime.from(Instant.parse("2024-02-29T12:34:56Z")));
            }
        }
        return root;
    }

    /** Writes a file, creating its folders. */
    public static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** Every entry below {@code root}: kind, permissions, modification time (seconds), content hash or link target. */
    public static Map<String, String> describe(Path root) {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(path -> !path.equals(root)).toList()) {
                String relative = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    entries.put(relative, "link -> " + Files.readSymbolicLink(path));
                    continue;
                }
                String common = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))
                        + " " + Files.getLastModifiedTime(path).toInstant().getEpochSecond();
                entries.put(relative, Files.isDirectory(path) ? "dir " + common
                        : "file " + common + " " + sha256(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
