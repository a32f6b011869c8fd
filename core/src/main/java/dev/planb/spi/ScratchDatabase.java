/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.DatabaseSource;

/**
 * A throwaway database made by PlanB for one restore drill, held by this process until
 * {@link #close()} drops it. While it is held, {@link ScratchDatabases#dropOrphans} in another
 * process leaves it alone.
 */
public interface ScratchDatabase extends AutoCloseable {

    /** {@return its name, {@code planb_verify_<random>}} */
    String name();

    /** {@return how to reach it, with the credentials it was created with} */
    DatabaseSource source();

    /** Drops it and releases it; never throws (a failure is logged and left to the next orphan sweep). */
    @Override
    void close();
}
