/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.Compression;
import dev.planb.spi.Manifest.Artifact;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks what a manifest claims about an artifact against the artifact itself: that its first
 * bytes are what the recorded encryption and compression write (OpenPGP packets, the zstd or gzip
 * magic number), and that it decompresses to the recorded dump size. A checksum proves the bytes
 * are those stored; these prove the manifest describes them, so a restore will read them right.
 */
final class ArtifactClaims {

    /** How many leading bytes {@link #checkStoredHead} needs. */
    static final int HEAD = 4;

    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B};

    private ArtifactClaims() {
    }

    /**
     * What the first stored bytes of an artifact contradict in its manifest, if anything.
     *
     * @param head up to {@link #HEAD} leading bytes; fewer only for a shorter artifact
     */
    static Optional<String> checkStoredHead(Artifact artifact, byte[] head, String location) {
        if (head.length == 0) {
            return Optional.empty(); // nothing stored, as the size check confirms
        }
        String found = kind(head);
        String claimed = artifact.isEncrypted() ? "OpenPGP-encrypted (" + artifact.encryption() + ")"
                : claim(Compression.fromId(artifact.compression()));
        boolean matches = artifact.isEncrypted() ? isOpenPgp(head) : switch (Compression.fromId(artifact.compression())) {
            case ZSTD -> startsWith(head, ZSTD_MAGIC);
            case GZIP -> startsWith(head, GZIP_MAGIC);
            case NONE -> !startsWith(head, ZSTD_MAGIC) && !startsWith(head, GZIP_MAGIC) && !isOpenPgp(head);
        };
        return matches ? Optional.empty() : Optional.of(location + ": the manifest says it is " + claimed
                + ", but its bytes are " + found + ": the manifest does not describe this file");
    }

    /** What a decompressed size contradicts in the manifest, if anything. */
    static Optional<String> checkDumpSize(Artifact artifact, long decompressed, String location) {
        return decompressed == artifact.dumpSize() ? Optional.empty() : Optional.of(location + ": decompresses to "
                + decompressed + " bytes, but the manifest records a dump of " + artifact.dumpSize() + " bytes");
    }

    private static String claim(Compression compression) {
        return compression == Compression.NONE ? "uncompressed and unencrypted" : compression.id() + "-compressed";
    }

    private static String kind(byte[] head) {
        if (startsWith(head, ZSTD_MAGIC)) {
            return "zstd-compressed";
        }
        if (startsWith(head, GZIP_MAGIC)) {
            return "gzip-compressed";
        }
        if (isOpenPgp(head)) {
            return "OpenPGP-encrypted";
        }
        return "neither compressed nor encrypted (they start with " + HexFormat.ofDelimiter(" ").formatHex(head) + ")";
    }

    /** Whether the bytes start with the packet that opens an OpenPGP message: a public-key or symmetric-key session key. */
    private static boolean isOpenPgp(byte[] head) {
        int first = head[0] & 0xFF;
        if ((first & 0x80) == 0) {
            return false;
        }
        int tag = (first & 0x40) != 0 ? first & 0x3F : (first >> 2) & 0x0F;
        return tag == 1 || tag == 3;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
