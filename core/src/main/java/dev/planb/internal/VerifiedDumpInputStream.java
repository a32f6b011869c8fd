package dev.planb.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed dump of a stored artifact. When the dump ends, the rest of the stored bytes
 * are read and checked, so the end is only reported for an artifact whose checksum matches.
 * When decompression fails, the checksum is checked too, to report corruption as such.
 */
public final class VerifiedDumpInputStream extends FilterInputStream {

    private final VerifyingInputStream stored;

    /**
     * @param decompressed the decompressing stream that reads from {@code stored}
     * @param stored the stored bytes, checked at their end
     */
    public VerifiedDumpInputStream(InputStream decompressed, VerifyingInputStream stored) {
        super(decompressed);
        this.stored = stored;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            if (b < 0) {
                stored.readToEndAndVerify();
            }
            return b;
        } catch (ChecksumMismatchException e) {
            throw e;
        } catch (IOException e) {
            throw preferChecksumError(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            if (n < 0) {
                stored.readToEndAndVerify();
            }
            return n;
        } catch (ChecksumMismatchException e) {
            throw e;
        } catch (IOException e) {
            throw preferChecksumError(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private IOException preferChecksumError(IOException decompressionError) {
        try {
            stored.readToEndAndVerify();
        } catch (ChecksumMismatchException mismatch) {
            mismatch.addSuppressed(decompressionError);
            return mismatch;
        } catch (IOException ignored) {
            // the original error says more
        }
        return decompressionError;
    }
}
