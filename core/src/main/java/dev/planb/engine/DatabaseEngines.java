/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.support.Redaction;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the {@link DatabaseEngine} for a JDBC URL among those on the class path. */
public final class DatabaseEngines {

    private DatabaseEngines() {
    }

    /** {@return all engines found on the class path through {@link java.util.ServiceLoader}, in its order} */
    public static List<DatabaseEngine> available() {
        return ServiceLoader.load(DatabaseEngine.class, DatabaseEngines.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /**
     * The engine that handles {@code jdbcUrl}.
     *
     * @param jdbcUrl the database's JDBC URL, e.g. {@code jdbc:postgresql://db/app}
     * @return the first engine on the class path that handles it

     * @throws PlanBException listing the engines present when none handles the URL
     */
    public static DatabaseEngine forUrl(String jdbcUrl) {
        List<DatabaseEngine> engines = available();
        return engines.stream()
                .filter(engine -> engine.handles(jdbcUrl))
                .findFirst()
                .orElseThrow(() -> noEngine(jdbcUrl, engines));
    }

    private static PlanBException noEngine(String jdbcUrl, List<DatabaseEngine> engines) {
        String present = engines.isEmpty() ? "none"
                : engines.stream()
                        .map(engine -> engine.name() + " (" + String.join(", ", engine.urlPrefixes()) + ")")
                        .collect(Collectors.joining(", "));
        return new PlanBException(ErrorCode.NO_ENGINE, "No PlanB engine handles '" + Redaction.url(jdbcUrl)
                + "'. Engines present: " + present
                + "; add the artifact of an engine for this database, or implement dev.planb.spi.DatabaseEngine");
    }
}
