/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.spi.DumpResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A test engine for {@code jdbc:planbtest:fail-after=N}: its dump writes N bytes, then fails.
 * Registered in {@code META-INF/services} of the test class path.
 */
public final class FailingEngine extends FakeEngine {

    static final String PREFIX = "jdbc:planbtest:fail-after=";
    static final String FAILURE = "simulated disk failure in the dump";

    public FailingEngine() {
        super("planbtest", "planbtest");
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
}
