/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PlanB's configuration model: plain Java settings ({@link dev.planb.config.PlanBSettings},
 * {@link dev.planb.config.PlanSettings}) that every front end fills in — the Spring Boot starter from
 * {@code planb.*}, {@code planb run --config planb.yml} from a file, an application from code — with one
 * duration grammar ({@link dev.planb.config.DurationText}) and one way to name secrets
 * ({@link dev.planb.config.SecretRef}). {@link dev.planb.config.PlanFactory} turns them into plans and a
 * running runtime.
 */
package dev.planb.config;
