/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A flat folder of files (such as a {@code pg_dump -Fd} dump) as one tar stream, and back:
 * streamed file by file, so memory does not grow with the folder.
 */
public final class TarFolder {

    private TarFolder() {
    }

    /** Writes the files of {@code folder} (not its sub-folders) to {@code out} as a tar archive; does not close {@code out}. */
    public static void write(Path folder, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new NonClosingOutputStream(out));
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            TarArchiveEntry entry = new TarArchiveEntry(file.getFileName().toString());
            entry.setSize(Files.size(file));
            tar.putArchiveEntry(entry);
            Files.copy(file, tar);
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.close();
    }

    /**
     * Unpacks a tar archive written by {@link #write} into the empty folder {@code folder}, reading
     * {@code in} to its end. Entries that are not plain file names are refused.
     */
    public static void read(InputStream in, Path folder) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            String name = entry.getName();
            if (!entry.isFile() || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IOException("unexpected entry '" + name + "' in the dump archive");
            }
            Files.copy(tar, folder.resolve(name));
        }
        in.transferTo(OutputStream.nullOutputStream());
    }

    /** Lets the tar stream be closed (to finish it) without closing the pipeline under it. */
    private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
        NonClosingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
