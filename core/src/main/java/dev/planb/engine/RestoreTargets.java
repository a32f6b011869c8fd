/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.TableCount;
import java.util.List;

/** The check the built-in engines make before restoring into a database that already has tables. */
public final class RestoreTargets {

    private RestoreTargets() {
    }

    /**
     * Refuses a restore into a target that has tables, unless forced.
     *
     * @param target the target as a message names it, e.g. {@code H2 database jdbc:h2:./app}
     * @param tables the target's tables now
     * @param instead where to restore instead, e.g. {@code a new database}
     * @param forceDoes what {@code --force} does there, e.g. {@code replace its content}
     * @throws PlanBException with {@link ErrorCode#RESTORE_REFUSED} when {@code tables} is not empty
     */
    public static void refuseTables(String target, List<TableCount> tables, String instead, String forceDoes) {
        if (!tables.isEmpty()) {
            throw new PlanBException(ErrorCode.RESTORE_REFUSED, target + " already has " + tables.size()
                    + " table(s): restore into " + instead + ", or use --force to " + forceDoes);
        }
    }
}
