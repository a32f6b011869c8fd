package dev.planb;

import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.DumpResult;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A test engine for {@code jdbc:planbtest:fail-after=N}: its dump writes N bytes, then fails.
 * Registered in {@code META-INF/services} of the test class path.
 */
public final class FailingEngine implements DatabaseEngine {

    static final String PREFIX = "jdbc:planbtest:fail-after=";
    static final String FAILURE = "simulated disk failure in the dump";

    @Override
    public String name() {
        return "planbtest";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:planbtest:");
    }

    @Override
    public String dumpFileName() {
        return "dump.bin";
    }

    @Override
    public String defaultPlanName(DatabaseSource source) {
        return "planbtest";
    }

    @Override
    public void checkReadable(DatabaseSource source) {
    }

    @Override
    public DumpResult dump(DatabaseSource source, OutputStream out) throws IOException {
        long bytes = Long.parseLong(source.jdbcUrl().substring(PREFIX.length()));
        byte[] block = new byte[8192];
        for (long written = 0; written < bytes; written += block.length) {
            out.write(block, 0, (int) Math.min(block.length, bytes - written));
        }
        throw new IOException(FAILURE);
    }

    @Override
    public void checkRestoreTarget(DatabaseSource target, boolean force) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restore(InputStream dump, DatabaseSource target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<TableCount> tableCounts(DatabaseSource source) {
        return List.of();
    }

    @Override
    public String manualRestoreSteps(String dumpFile) {
        return "";
    }
}
