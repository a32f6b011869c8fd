package dev.planb;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a dump is compressed before it is stored. Every format opens with a stock tool
 * ({@code zstd -d}, {@code gunzip}).
 */
public enum Compression {
    /** Zstandard level 3, multi-threaded: fast and about as small as gzip -9. The default. */
    ZSTD("zstd", ".zst", "zstd -d --stdout") {
        @Override
        public OutputStream compress(OutputStream out) throws IOException {
            ZstdOutputStream zstd = new ZstdOutputStream(out, 3);
            zstd.setWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
            return zstd;
        }

        @Override
        public InputStream decompress(InputStream in) throws IOException {
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

    private final String id;
    private final String extension;
    private final String decompressCommand;

    Compression(String id, String extension, String decompressCommand) {
        this.id = id;
        this.extension = extension;
        this.decompressCommand = decompressCommand;
    }

    /** The name used in manifests and on the command line: {@code zstd}, {@code gzip}, {@code none}. */
    public String id() {
        return id;
    }

    /** The file name suffix, e.g. {@code .zst}; empty for {@link #NONE}. */
    public String extension() {
        return extension;
    }

    /** The stock shell command that decompresses a file of this format to standard output. */
    public String decompressCommand() {
        return decompressCommand;
    }

    /** Wraps a stream so that what is written to the result reaches {@code out} compressed. */
    public abstract OutputStream compress(OutputStream out) throws IOException;

    /** Wraps a stream of compressed bytes so that reading the result yields the original bytes. */
    public abstract InputStream decompress(InputStream in) throws IOException;

    /**
     * Finds a format by its {@link #id()}.
     *
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
