/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.actuate;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

import dev.planb.status.page.PlanReports;

/**
 * {@code /actuator/planb}: GET lists the plans with their recent backups and verifications;
 * {@code GET /actuator/planb/NAME} shows one; {@code POST /actuator/planb/NAME} with
 * {@code {"action":"backup"}} or {@code {"action":"verify"}} starts that now.
 */
@Endpoint(id = "planb")
public class PlanBEndpoint {

    private static final int RECENT = 10;

    private final PlanReports reports;

    /**
     * Makes the endpoint; {@code PlanBActuatorAutoConfiguration} does when Actuator is present.
     *
     * @param reports the plans' statuses and histories that are listed, and the runtime that starts runs
     */
    public PlanBEndpoint(PlanReports reports) {
        this.reports = reports;
    }

    /**
     * Lists the plans, for {@code GET /actuator/planb}.
     *
     * @return {@code {"plans": [...]}}: every plan with its status and its ten newest backups and verifications
     */
    @ReadOperation
    public Map<String, List<Map<String, Object>>> plans() {
        return Map.of("plans", reports.reports(RECENT));
    }

    /**
     * Shows one plan, for {@code GET /actuator/planb/NAME}.
     *
     * @param name the plan's name
     * @return the plan with its status and its ten newest backups and verifications, or {@code null}, which
     *     Actuator answers with 404, for an unknown name
     */
    @ReadOperation
    public Map<String, Object> plan(@Selector String name) {
        return reports.planB().status(name).isPresent() ? reports.report(name, RECENT) : null;
    }

    /**
     * Starts a backup ({@code action=backup}, the default) or a restore drill ({@code action=verify})
     * of a plan now; the outcome shows in later GETs, the health and the events.
     *
     * @param name the plan's name
     * @param action {@code backup}, {@code verify}, or {@code null} for a backup
     * @return {@code {"plan": NAME, "action": ACTION, "started": true}}, or {@code null}, which Actuator answers
     *     with 404, for an unknown plan
     * @throws InvalidEndpointRequestException (400) for another action
     */
    @WriteOperation
    public Map<String, Object> trigger(@Selector String name, @Nullable String action) {
        String wanted = action == null ? "backup" : action;
        boolean started = switch (wanted) {
            case "backup" -> reports.planB().backupNow(name);
            case "verify" -> reports.planB().verifyNow(name);
            default -> throw new InvalidEndpointRequestException("action '" + wanted + "' is unknown: use backup or verify",
                    "unknown action");
        };
        return started ? Map.of("plan", name, "action", wanted, "started", true) : null;
    }
}
