/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.DatabaseEngine;
import org.junit.jupiter.api.Test;

/**
 * For engines that run the database's own tools ({@code pg_dump}, {@code mariadb-dump}): when the
 * tool is missing, the engine says so before anything is written, in one line naming what to
 * install. Implement it beside {@link AbstractDatabaseEngineContractTest}.
 */
public interface ExternalToolContract {

    /**
     * {@return the engine under test, configured to look for its tools in a folder that has none}
     *
     * @throws Exception when the engine or the empty folder cannot be made
     */
    DatabaseEngine engineWithoutTools() throws Exception;

    /**
     * {@return an existing database that the engine could read if it had its tools}
     *
     * @throws Exception when the database cannot be created; the test fails with it
     */
    DatabaseSource readableDatabase() throws Exception;

    /**
     * The engine's {@code checkReadable} fails with {@link ErrorCode#NO_ENGINE} and a one-line message that says
     * the tool was not found and what to install.
     *
     * @throws Exception when the engine or the database cannot be prepared
     */
    @Test
    default void missingToolIsReportedWithWhatToInstall() throws Exception {
        DatabaseEngine engine = engineWithoutTools();
        DatabaseSource source = readableDatabase();
        assertThatThrownBy(() -> engine.checkReadable(source))
                .isInstanceOfSatisfying(PlanBException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NO_ENGINE);
                    assertThat(e.getMessage()).contains("not found", "install").doesNotContain("\n");
                });
    }
}
