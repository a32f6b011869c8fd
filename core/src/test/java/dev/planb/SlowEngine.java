/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.spi.DumpResult;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A test engine for {@code jdbc:slowtest:millis=N}: its dump writes a KiB every 10 ms for N
 * milliseconds and ignores thread interrupts, like a JDBC dump busy in a driver. Registered in
 * {@code META-INF/services} of the test class path.
 */
public final class SlowEngine extends FakeEngine {

    public SlowEngine() {
        super("slowtest", "slowtest");
    }

    /** The URL of a dump that takes {@code millis}. */
    public static DatabaseSource taking(long millis) {
        return DatabaseSource.of("jdbc:slowtest:millis=" + millis);
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
}
