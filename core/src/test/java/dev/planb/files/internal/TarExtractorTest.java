/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged or hostile archive never writes outside the restore folder. */
class TarExtractorTest {

    @TempDir
    Path tmp;

    @Test
    void namesLeadingOutsideAreRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        byte[] tar = archive(file("../escaped.txt"));

        assertThatThrownBy(() -> extract(root, tar)).isInstanceOf(IOException.class).hasMessageContaining("outside");
        assertThat(tmp.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void writingBelowALinkIsRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        TarArchiveEntry link = new TarArchiveEntry("link", TarConstants.LF_SYMLINK);
        link.setLinkName(outside.toString());
        byte[] tar = archive(link, file("link/planted.txt"));

        assertThatThrownBy(() -> extract(root, tar)).isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        assertThat(outside.resolve("planted.txt")).doesNotExist();
    }

    @Test
    void walkOrderPutsAFoldersContentRightAfterIt() {
        assertThat(PathOrder.WALK.compare("a", "a/b")).isNegative();
        assertThat(PathOrder.WALK.compare("a/b", "a.txt")).as("a/ before a.txt, as the walk visits them").isNegative();
        assertThat(PathOrder.WALK.compare("a/b/c", "a/b")).isPositive();
        assertThat(PathOrder.WALK.compare("x/y", "x/y")).isZero();
    }

    private static TarArchiveEntry file(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
        entry.setSize(4);
        return entry;
    }

    private static byte[] archive(TarArchiveEntry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (TarArchiveEntry entry : entries) {
                tar.putArchiveEntry(entry);
                if (entry.getSize() > 0) {
                    tar.write("evil".getBytes(StandardCharsets.US_ASCII));
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void extract(Path root, byte[] tar) throws IOException {
        new TarExtractor(root).extract(TarExtractor.open(new ByteArrayInputStream(tar)), entry -> true, true);
    }
}
