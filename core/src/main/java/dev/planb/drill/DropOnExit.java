/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.spi.ScratchDatabase;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drops a scratch database exactly once: when the drill ends, or when the JVM shuts down first
 * (Ctrl-C, SIGTERM, {@code System.exit}). A {@code kill -9} leaves it to the next drill's orphan sweep.
 */
final class DropOnExit implements AutoCloseable {

    private final ScratchDatabase scratch;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final Thread hook;

    DropOnExit(ScratchDatabase scratch) {
        this.scratch = scratch;
        this.hook = new Thread(this::drop, "planb-drop-" + scratch.name());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook drops it, or already did.
        }
        drop();
    }

    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            scratch.close();
        }
    }
}
