/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The decompressed dump of a stored artifact. When the dump ends, the rest of the stored bytes
 * are read and checked, so the end is only reported for an artifact whose checksum matches.
 * When decompression (or decryption) fails, the stored checksum is checked too, to report corruption as such.
 * An encrypted artifact has two checked layers: the decrypted bytes, then the stored ones.
 */
public final class VerifiedDumpInputStream extends FilterInputStream {

    private final List<VerifyingInputStream> layers;

    /**
     * @param decompressed the decompressing stream that reads from {@code layers[0]}
     * @param layers the checked streams under it, innermost first and the stored bytes last; each is read to its
     *     end and checked when the dump ends
     */
    public VerifiedDumpInputStream(InputStream decompressed, VerifyingInputStream... layers) {
        super(decompressed);
        this.layers = List.of(layers);
    }

    /** The stored bytes (compressed and perhaps encrypted) read so far from the destination. */
    public long storedBytesRead() {
        return layers.get(layers.size() - 1).bytesRead();
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            if (b < 0) {
                verifyLayers();
            }
            return b;
        } catch (IOException e) {
            throw preferChecksumError(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                verifyLayers();
            }
            return n;
        } catch (IOException e) {
            throw preferChecksumError(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Checks every layer; when several fail, the stored bytes' error wins: a damaged file also
     * fails to decrypt, and its checksum says best what happened.
     */
    private void verifyLayers() throws IOException {
        IOException failure = null;
        for (VerifyingInputStream layer : layers) {
            try {
                layer.readToEndAndVerify();
            } catch (IOException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** A damaged stored file also fails to decompress or decrypt: its checksum says best what happened. */
    private IOException preferChecksumError(IOException decompressionError) {
        try {
            layers.get(layers.size() - 1).readToEndAndVerify();
        } catch (ChecksumMismatchException mismatch) {
            mismatch.addSuppressed(decompressionError);
            return mismatch;
        } catch (IOException ignored) {
            // the original error says more
        }
        return decompressionError;
    }
}
