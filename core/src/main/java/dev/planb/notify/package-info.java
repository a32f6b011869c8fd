/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Notifiers: listeners that tell people what happened to their backups. Each is optional and
 * configured per plan with {@link dev.planb.BackupPlan.Builder#notifier(Notifier)}; the
 * {@link dev.planb.notify.LogNotifier} is always on.
 *
 * <pre>{@code
 * BackupPlan.builder("app")
 *         .notifier(Webhook.slack(Secret.fromEnvironment("SLACK_WEBHOOK_URL")).build())
 *         .notifier(Email.smtp("smtp.example.com", 587).security(SmtpSecurity.STARTTLS)
 *                 .login("backup", Secret.fromEnvironment("SMTP_PASSWORD"))
 *                 .from("backup@example.com").to("ops@example.com").build())
 *         .notifier(Heartbeat.to(Secret.fromEnvironment("HEALTHCHECK_URL")).build())
 *         ...
 * }</pre>
 *
 * <p>Delivery is asynchronous, through a small bounded queue per notifier: a slow or failing
 * receiver is logged and never delays or fails a backup. A failing plan sends at most one alert
 * per run, a stale plan one alert until it has a new backup, and the first complete backup after
 * failures sends a "recovered" message.
 */
package dev.planb.notify;
