/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.planb.internal.stream.ZstdLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a dump is compressed before it is stored. Every format opens with a stock tool
 * ({@code zstd -d}, {@code gunzip}).
 */
public enum Compression {
    /** Zstandard level 3, multi-threaded: fast and about as small as gzip -9. The default where it loads ({@link #preferred()}). */
    ZSTD("zstd", ".zst", "zstd -d --stdout") {
        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            requireNativeLibrary("compress a backup with zstd: set compression to gzip");
            ZstdOutputStream zstd = new ZstdOutputStream(out, 3);
            zstd.setWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
            return zstd;
        }

        @Override
        public InputStream decompress(InputStream in) throws IOException {
            requireNativeLibrary("restore a zstd backup here: restore on a supported platform, or by hand with "
                    + "'zstd -d' (see the backup's RESTORE.md)");
            return new ZstdInputStream(in);
        }
    },
    /** gzip (deflate level 6), for tools that only know gzip. */
    GZIP("gzip", ".gz", "gzip -d --stdout") {
        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            return new GZIPOutputStream(out, 64 * 1024);
        }

        @Override
        public InputStream decompress(InputStream in) throws IOException {
            return new GZIPInputStream(in, 64 * 1024);
        }
    },
    /** Stored as dumped. */
    NONE("none", "", "cat") {
        @Override
        public OutputStream compress(OutputStream out) {
            return out;
        }

        @Override
        public InputStream decompress(InputStream in) {
            return in;
        }
    };

    private static final Logger LOG = LoggerFactory.getLogger(Compression.class);
    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    private final String id;
    private final String extension;
    private final String decompressCommand;

    Compression(String id, String extension, String decompressCommand) {
        this.id = id;
        this.extension = extension;
        this.decompressCommand = decompressCommand;
    }

    /** {@return the name used in manifests and on the command line: {@code zstd}, {@code gzip}, {@code none}} */
    public String id() {
        return id;
    }

    /** {@return the file name suffix, e.g. {@code .zst}; empty for {@link #NONE}} */
    public String extension() {
        return extension;
    }

    /** {@return the stock shell command that decompresses a file of this format to standard output} */
    public String decompressCommand() {
        return decompressCommand;
    }

    /**
     * Wraps a stream so that what is written to the result reaches {@code out} compressed. Closing the result
     * finishes the format and closes {@code out}.
     *
     * @param out where the compressed bytes go
     * @return the stream to write the uncompressed bytes to; {@code out} itself for {@link #NONE}
     * @throws IOException when the format's header cannot be written to {@code out}
     * @throws PlanBException for {@link #ZSTD} when zstd's native library does not load on this platform
     */
    public abstract OutputStream compress(OutputStream out) throws IOException;

    /**
     * Wraps a stream of compressed bytes so that reading the result yields the original bytes.
     *
     * @param in the compressed bytes
     * @return the stream of uncompressed bytes; {@code in} itself for {@link #NONE}
     * @throws IOException when {@code in} cannot be read or does not start as this format does (gzip reads its
     *     header here; zstd finds a bad frame as it is read)
     * @throws PlanBException for {@link #ZSTD} when zstd's native library does not load on this platform
     */
    public abstract InputStream decompress(InputStream in) throws IOException;

    /**
     * The compression a plan gets when it sets none: {@link #ZSTD}, or {@link #GZIP} when zstd's native library cannot
     * load on this platform (logged once as a warning naming the cause; zstd-jni bundles the library for Linux, macOS
     * and Windows on x86-64 and ARM64, among others). A plan that asks for zstd explicitly fails there instead.
     *
     * @return {@link #ZSTD} or, where it cannot load, {@link #GZIP}
     */
    public static Compression preferred() {
        if (ZstdLibrary.available()) {
            return ZSTD;
        }
        if (FALLBACK_REPORTED.compareAndSet(false, true)) {
            LOG.warn("zstd's native library does not load on this platform ({}); new backups are compressed with gzip "
                    + "instead. Set compression to gzip to silence this warning.", ZstdLibrary.problem().orElse(""));
        }
        return GZIP;
    }

    private static void requireNativeLibrary(String toDo) {
        ZstdLibrary.problem().ifPresent(problem -> {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "zstd's native library does not load on this platform ("
                    + problem + "), so PlanB cannot " + toDo);
        });
    }

    /**
     * Finds a format by its {@link #id()}, ignoring case.
     *
     * @param id {@code zstd}, {@code gzip} or {@code none}
     * @return the format
     * @throws PlanBException naming the accepted values when {@code id} is unknown
     */
    public static Compression fromId(String id) {
        for (Compression compression : values()) {
            if (compression.id.equals(id.toLowerCase(Locale.ROOT))) {
                return compression;
            }
        }
        throw new PlanBException(ErrorCode.INVALID_SETTING, "compression '" + id + "' is unknown: use one of "
                + Arrays.stream(values()).map(Compression::id).collect(Collectors.joining(", ")));
    }
}
