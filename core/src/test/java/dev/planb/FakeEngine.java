/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.TableCount;
import java.io.InputStream;
import java.util.List;

/**
 * The parts every test engine shares: a name, one JDBC URL prefix, a dump file name, nothing to
 * check before a dump, no tables and no restore. A test engine overrides {@link #dump} and what
 * else its test needs.
 */
public abstract class FakeEngine implements DatabaseEngine {

    private final String name;
    private final String planName;

    /**
     * @param name the engine's name; its URLs start with {@code jdbc:<name>:}
     * @param planName the plan name it proposes for a database
     */
    protected FakeEngine(String name, String planName) {
        this.name = name;
        this.planName = planName;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:" + name + ":");
    }

    @Override
    public String dumpFileName() {
        return "dump.bin";
    }

    @Override
    public String defaultPlanName(DatabaseSource source) {
        return planName;
    }

    @Override
    public void checkReadable(DatabaseSource source) {
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
