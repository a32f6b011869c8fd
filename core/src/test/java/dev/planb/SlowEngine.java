package dev.planb;

import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.DumpResult;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test engine for {@code jdbc:slowtest:millis=N}: its dump writes a KiB every 10 ms for N
 * milliseconds and ignores thread interrupts, like a JDBC dump busy in a driver. Registered in
 * {@code META-INF/services} of the test class path.
 */
public final class SlowEngine implements DatabaseEngine {

    /** The URL of a dump that takes {@code millis}. */
    public static DatabaseSource taking(long millis) {
        return DatabaseSource.of("jdbc:slowtest:millis=" + millis);
    }

    @Override
    public String name() {
        return "slowtest";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:slowtest:");
    }

    @Override
    public String dumpFileName() {
        return "dump.bin";
    }

    @Override
    public String defaultPlanName(DatabaseSource source) {
        return "slowtest";
    }

    @Override
    public void checkReadable(DatabaseSource source) {
    }

    @Override
    public DumpResult dump(DatabaseSource source, OutputStream out) throws IOException {
        long millis = Long.parseLong(source.jdbcUrl().substring("jdbc:slowtest:millis=".length()));
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        byte[] block = new byte[1024];
        while (System.nanoTime() < end) {
            out.write(block);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // returns early on interrupt: ignored
        }
        return new DumpResult("1", "slow test dump", "1", List.of(new TableCount("t", 1)));
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
